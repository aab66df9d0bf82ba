using System.Globalization;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Certificates;

/// <summary>
/// GET /certificates/{certificateId}/pdf: the certificate as a PDF (<see cref="CertificatePdf"/>), to its holder, the
/// cohort's staff and the holder's own mentor; anyone else 404. In the course's language: the document belongs to the
/// course (its title is written in that language) and reads the same whoever downloads it (docs/adr/0032).
/// </summary>
internal static class GetCertificatePdf
{
    /// <param name="IfNoneMatch">The caller's <c>If-None-Match</c>: when it holds the current ETag, nothing is rendered.</param>
    public sealed record Query(Guid CertificateId, string? IfNoneMatch) : IQuery<Answer>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.IfNoneMatch).MaximumLength(200);
    }

    /// <summary>The file, or only its tag when the caller's copy is current (<c>Content</c> null).</summary>
    public sealed record Answer(string ETag, string FileName, byte[]? Content);

    /// <summary>Changes with every build of this module, so a new layout is never hidden behind an old ETag.</summary>
    private static readonly string Layout = typeof(CertificatePdf).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me, PublicSite site) : IQueryHandler<Query, Answer>
    {
        public async ValueTask<Answer> Handle(Query query, CancellationToken cancellationToken)
        {
            var certificate = await db.ReadableCertificateAsync(sender, me.Id, query.CertificateId, cancellationToken);
            var french = await InFrenchAsync(certificate.CohortId, cancellationToken);
            var verifyUrl = site.Link($"/verify/{certificate.VerificationCode}");

            // The snapshot never changes: only the revocation, the language and the address it points to can.
            var etag = ETags.Of(certificate.Id, Encoding.UTF8.GetBytes($"{certificate.Status}|{certificate.RevokedAt:O}|{french}|{verifyUrl}|{Layout}"));
            var fileName = $"{(french ? "certificat" : "certificate")}-{Slug(certificate.CourseTitle)}{CertificatePdf.Grouped(certificate.ShortCode)}.pdf";
            return new Answer(etag, fileName, ETags.NoneMatchFails(query.IfNoneMatch, etag) ? null : CertificatePdf.Render(certificate, french, verifyUrl));
        }

        /// <summary>French unless the course is in English (<c>en</c>, <c>en-GB</c>...), as the rest of the platform defaults.</summary>
        private async Task<bool> InFrenchAsync(Guid cohortId, CancellationToken ct)
        {
            var roster = await sender.Send(new GetCohortLearners(cohortId), ct);
            var course = roster is null ? null : await sender.Send(new GetCourse(roster.CourseId), ct);
            return course?.Language.StartsWith(Languages.English, StringComparison.OrdinalIgnoreCase) != true;
        }
    }

    /// <summary>The course title in plain ASCII letters and digits (accents dropped), for a file name that survives every system; empty for other scripts.</summary>
    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString(0, Math.Min(slug.Length, 60)).Trim('-');
        return text.Length == 0 ? "" : text + "-";
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/certificates/{certificateId:guid}/pdf", async Task<IResult> (Guid certificateId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var answer = await sender.Send(new Query(certificateId, http.Request.Headers.IfNoneMatch.ToString()), ct);
                http.Response.Headers.ETag = answer.ETag;
                http.Response.Headers.CacheControl = "private, no-cache";
                return answer.Content is null
                    ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                    : TypedResults.File(answer.Content, "application/pdf", answer.FileName);
            })
            .WithName("GetCertificatePdf")
            .WithSummary("The certificate as a PDF to print or send (its holder, the cohort's staff, the holder's mentor)")
            .WithDescription("One landscape A4 page in the course's language (French or English): the holder's name, the course, the cohort and its dates, the organisations, the issue date, the competencies achieved and the final grade when the certificate holds them, the verification URL `{site}/verify/{verificationCode}` with its QR code, and the short code grouped by four (`XXXX-XXXX-XXXX`). A revoked certificate says so across the page, with the date. Always an attachment (`certificat-<course>-<code>.pdf`). `ETag` with `Cache-Control: private, no-cache`; `If-None-Match` answers 304 without rendering. Whoever is not the holder, one of the cohort's staff or the holder's own mentor gets 404, whether the certificate exists or not.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CertificatesRead)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .Problems(ProblemType.NotFound);
}
