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

/// <summary>PATCH /threads/{threadId}: staff pin a thread (first in lists) or lock it (no new posts); each field left out stays.</summary>
internal static class ModerateThread
{
    /// <param name="IsPinned">Listed before the others.</param>
    /// <param name="IsLocked">Readable, but nobody adds a post (409 `thread-locked`).</param>
    public sealed record Request(bool? IsPinned, bool? IsLocked);

    public sealed record Command(Guid ThreadId, string? IfMatch, bool? IsPinned, bool? IsLocked) : ICommand<ForumThreadResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : ICommandHandler<Command, ForumThreadResponse>
    {
        public async ValueTask<ForumThreadResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var (thread, viewer) = await db.ReadableThreadAsync(sender, me.Id, command.ThreadId, cancellationToken, tracking: true);
            if (!viewer.IsStaff)
            {
                throw ProblemException.Forbidden("Only the cohort's staff pin and lock threads.");
            }

            db.Expect(thread, command.IfMatch);
            thread.IsPinned = command.IsPinned ?? thread.IsPinned;
            thread.IsLocked = command.IsLocked ?? thread.IsLocked;
            await db.SaveChangesAsync(cancellationToken);
            return thread.ToResponse(viewer, await sender.NamesAsync([thread.AuthorId], cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPatch("/threads/{threadId:guid}", async (Guid threadId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(threadId, ifMatch, request.IsPinned, request.IsLocked), ct)))
            .WithName("ModerateThread")
            .WithSummary("Pin or lock a thread (staff)")
            .WithDescription("The cohort's staff (403 for other readers; 404 for those who may not read the thread). `isPinned` lists it first; `isLocked` keeps it readable but refuses new posts with 409 `thread-locked`. A field left out keeps its value. Send its `ETag` (`version`) as `If-Match` to make the change conditional (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
