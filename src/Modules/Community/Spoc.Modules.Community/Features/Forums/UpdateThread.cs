using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// PATCH /threads/{threadId}: its author or staff rename a thread; staff pin it (first in lists) or lock it (no new posts).
/// Each field left out stays.
/// </summary>
internal static class UpdateThread
{
    /// <param name="Title">The new title: plain text, 1 to 200 characters. Its author or staff.</param>
    /// <param name="IsPinned">Listed before the others. Staff only.</param>
    /// <param name="IsLocked">Readable, but nobody adds a post (409 `thread-locked`). Staff only.</param>
    public sealed record Request(string? Title, bool? IsPinned, bool? IsLocked);

    public sealed record Command(Guid ThreadId, string? IfMatch, string? Title, bool? IsPinned, bool? IsLocked) : ICommand<ForumThreadResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200).When(c => c.Title is not null);
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : ICommandHandler<Command, ForumThreadResponse>
    {
        public async ValueTask<ForumThreadResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var (thread, viewer) = await db.ReadableThreadAsync(sender, me.Id, command.ThreadId, cancellationToken, tracking: true);
            if (!viewer.IsStaff && (command.IsPinned is not null || command.IsLocked is not null || thread.AuthorId != me.Id))
            {
                throw ProblemException.Forbidden("Only its author or the cohort's staff rename a thread; only staff pin and lock it.");
            }

            db.Expect(thread, command.IfMatch);
            thread.Title = command.Title ?? thread.Title;
            thread.IsPinned = command.IsPinned ?? thread.IsPinned;
            thread.IsLocked = command.IsLocked ?? thread.IsLocked;
            await db.SaveChangesAsync(cancellationToken);
            return thread.ToResponse(viewer, await sender.NamesAsync([thread.AuthorId], cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPatch("/threads/{threadId:guid}", async (Guid threadId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(threadId, ifMatch, request.Title, request.IsPinned, request.IsLocked), ct)))
            .WithName("UpdateThread")
            .WithSummary("Rename a thread (its author or staff); pin or lock it (staff)")
            .WithDescription("404 for those who may not read the thread. `title` renames it: its author or the cohort's staff (403 for other readers). `isPinned` lists it first and `isLocked` keeps it readable but refuses new posts with 409 `thread-locked`: staff only (403 for others, the author included). A field left out keeps its value. Send its `ETag` (`version`) as `If-Match` to make the change conditional (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
