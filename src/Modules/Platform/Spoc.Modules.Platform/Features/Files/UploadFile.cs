using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Files;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Files;

/// <summary>
/// POST /files (multipart, field <c>file</c>): a signed-in user uploads a document for a course resource or a
/// submission. Size is capped (<c>Files:MaxBytes</c>, 25 MB → 413) and the type must be on the allow-list by extension
/// AND by content (415 otherwise). Text types are read whole: UTF-8 without NUL, and no markup a browser could render
/// (415 <c>markup-not-allowed</c>), so a text file can never turn into a page; binary types keep their signature and are
/// defused at download (attachment, nosniff, a sandboxing CSP). The bytes are stored under a generated key; the module
/// that uses the file decides who may download it; <c>Location</c> is <see cref="GetFile"/>.
/// </summary>
internal static class UploadFile
{
    public sealed record Response(Guid FileId, string FileName, string ContentType, long Size);

    public sealed record Command(string FileName, long Length, Func<Stream> Open) : ICommand<Response>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.FileName).MaximumLength(255);
    }

    // A null signature marks a text type, checked over the whole file instead.
    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool>? Signature)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", h => StartsWith(h, "%PDF-"u8)),
        [".png"] = ("image/png", h => StartsWith(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = ("image/jpeg", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        [".gif"] = ("image/gif", h => StartsWith(h, "GIF87a"u8) || StartsWith(h, "GIF89a"u8)),
        [".webp"] = ("image/webp", h => StartsWith(h, "RIFF"u8) && h.Length >= 12 && h.AsSpan(8, 4).SequenceEqual("WEBP"u8)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsZip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IsZip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", IsZip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", IsZip),
        [".txt"] = ("text/plain", null),
        [".csv"] = ("text/csv", null),
        [".md"] = ("text/markdown", null),
    };

    internal sealed class Handler(PlatformDbContext db, IFileStorage storage, ICurrentUser me, TimeProvider clock, IConfiguration configuration) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Length > MaxBytes(configuration))
            {
                throw PlatformProblems.FileTooLarge.Exception(MaxBytes(configuration) / (1024 * 1024));
            }

            var fileName = Path.GetFileName(command.FileName).Trim();
            if (fileName.Length is 0 or > 255 || !Allowed.TryGetValue(Path.GetExtension(fileName), out var type))
            {
                throw PlatformProblems.UnsupportedFileType.Exception();
            }

            await using var content = command.Open();
            var header = new byte[8192];
            var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0 || (type.Signature is { } signature && !signature(header[..read])))
            {
                throw PlatformProblems.UnsupportedFileType.Exception();
            }

            content.Position = 0;
            if (type.Signature is null)
            {
                await EnsurePlainTextAsync(content, cancellationToken);
                content.Position = 0;
            }

            var key = await storage.SaveAsync(content, cancellationToken);
            var file = new StoredFile { OwnerId = me.Id, FileName = fileName, ContentType = type.ContentType, Size = command.Length, StorageKey = key, CreatedAt = clock.GetUtcNow() };
            db.Files.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            return new Response(file.Id, file.FileName, file.ContentType, file.Size);
        }
    }

    internal static long MaxBytes(IConfiguration configuration) => configuration.GetValue("Files:MaxBytes", 25L * 1024 * 1024);

    private static bool StartsWith(byte[] header, ReadOnlySpan<byte> signature) => header.AsSpan().StartsWith(signature);

    private static bool IsZip(byte[] header) => StartsWith(header, "PK\u0003\u0004"u8);

    // What makes text a document, a vector image or XML, or runs something in it, should it ever be shown as a page.
    // Prefixes, case-insensitive: "<scripT" and "<header" count; rarer tags (<form, <meta...) are harmless without these.
    private static readonly string[] Markup = ["<!doctype", "<?xml", "<html", "<head", "<body", "<script", "<iframe", "<object", "<embed", "<svg", "<style"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The whole file, not a sample: valid UTF-8, no NUL (so no UTF-16 either), no markup, case-insensitive.</summary>
    private static async Task EnsurePlainTextAsync(Stream content, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 16384, leaveOpen: true);
        var overlap = Markup.Max(m => m.Length) - 1; // a tag split across two reads is still found
        var buffer = new char[16384 + overlap];
        var kept = 0;
        try
        {
            int read;
            while ((read = await reader.ReadBlockAsync(buffer.AsMemory(kept, buffer.Length - kept), cancellationToken)) > 0)
            {
                var window = buffer.AsMemory(0, kept + read);
                if (window.Span.Contains('\0'))
                {
                    throw PlatformProblems.UnsupportedFileType.Exception();
                }

                if (Markup.Any(tag => window.Span.IndexOf(tag, StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    throw PlatformProblems.MarkupNotAllowed.Exception();
                }

                kept = Math.Min(overlap, window.Length);
                window[^kept..].CopyTo(buffer);
            }
        }
        catch (DecoderFallbackException)
        {
            throw PlatformProblems.UnsupportedFileType.Exception();
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api, IConfiguration configuration) =>
        api.MapPost("/files", async (IFormFile file, ISender sender, CancellationToken ct) =>
            {
                var uploaded = await sender.Send(new Command(file.FileName, file.Length, file.OpenReadStream), ct);
                return TypedResults.Created($"/api/v1/files/{uploaded.FileId}", uploaded);
            })
            .WithName("UploadFile")
            .WithSummary("Upload a document (multipart field \"file\"); size and type limits; returns fileId")
            .WithDescription("Any signed-in user. At most 25 MB (`Files:MaxBytes`, else 413 payload-too-large). Accepted: PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint (.docx, .xlsx, .pptx), OpenDocument text, plain text, CSV and Markdown, checked by extension and by content (415 unsupported-file-type); text files must be UTF-8 without HTML, SVG or XML markup (415 markup-not-allowed). `Location` is the new file; attach its `fileId` to a file activity or a submission.")
            .RequireAuthorization(Policies.SignedIn)
            .DisableAntiforgery() // bearer tokens, no cookies: there is no cross-site request to forge
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes(configuration) + 64 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .Problems(PlatformProblems.FileTooLarge, PlatformProblems.UnsupportedFileType, PlatformProblems.MarkupNotAllowed);
}
