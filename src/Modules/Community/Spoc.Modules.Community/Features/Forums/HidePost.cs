using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// POST /posts/{postId}/hidden hides a post with a reason; DELETE shows it again. Staff only: learners see that it was
/// hidden and why, never its text (nor find it by searching); staff still read it.
/// </summary>
internal static class HidePost
{
    /// <param name="Reason">Shown in its place to learners: 1 to 500 characters of plain text.</param>
    public sealed record Request(string Reason);

    public sealed record Command(Guid PostId, bool Hide, string? Reason) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).When(c => c.Hide);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (post, _, viewer) = await db.ReadablePostAsync(sender, me.Id, command.PostId, cancellationToken);
            if (!viewer.IsStaff)
            {
                throw ProblemException.Forbidden("Only the cohort's staff moderate posts.");
            }

            if (post.DeletedAt is not null)
            {
                throw CommunityProblems.PostDeleted.Exception();
            }

            (post.HiddenAt, post.HiddenReason, post.HiddenById) = command.Hide ? (clock.GetUtcNow(), command.Reason, me.Id) : ((DateTimeOffset?)null, (string?)null, (Guid?)null);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/posts/{postId:guid}/hidden", async (Guid postId, Request request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(postId, true, request.Reason), ct);
                return TypedResults.NoContent();
            })
            .WithName("HidePost")
            .WithSummary("Hide a post with a reason (staff)")
            .WithDescription("The cohort's staff (403 for other readers; 404 for those who may not read the thread). Learners then see `isHidden` and `hiddenReason` in its place, not its text, and search no longer finds it for them; staff still read it. A deleted post is 409 `post-deleted`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CommunityProblems.PostDeleted);
        api.MapDelete("/posts/{postId:guid}/hidden", async (Guid postId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(postId, false, null), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnhidePost")
            .WithSummary("Show a hidden post again (staff)")
            .WithDescription("The cohort's staff (403 for other readers; 404 for those who may not read the thread). A deleted post is 409 `post-deleted`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CommunityProblems.PostDeleted);
    }
}
