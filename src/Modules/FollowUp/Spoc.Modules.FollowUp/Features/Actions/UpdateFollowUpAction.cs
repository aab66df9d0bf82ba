using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.Modules.FollowUp.Features.Journal;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Actions;

/// <summary>
/// PATCH /cohorts/{cohortId}/members/{userId}/actions/{actionId}: an open action is marked done or cancelled, once.
/// Cancelling an extension takes the extra days back from the learner's pacing.
/// </summary>
internal static class UpdateFollowUpAction
{
    /// <param name="Status">`Done` or `Cancelled` (an open action only).</param>
    public sealed record Request(FollowUpActionStatus Status);

    public sealed record Command(Guid CohortId, Guid LearnerId, Guid ActionId, string? IfMatch, FollowUpActionStatus Status) : ICommand<FollowUpActionResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Status).IsInEnum().NotEqual(FollowUpActionStatus.Open).WithMessage("An action is marked Done or Cancelled.");
        }
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, FollowUpActionResponse>
    {
        public async ValueTask<FollowUpActionResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.FollowingLearnerAsync(db, command.CohortId, command.LearnerId, me.Id, cancellationToken);
            var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == command.ActionId && a.CohortId == command.CohortId && a.LearnerId == command.LearnerId, cancellationToken)
                ?? throw ProblemException.NotFound("This action");
            db.Expect(action, command.IfMatch);
            if (action.Status != FollowUpActionStatus.Open)
            {
                throw FollowUpProblems.ActionClosed.Exception();
            }

            action.Status = command.Status;
            action.DoneBy = me.Id;
            action.DoneAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);

            // Saved first (a stale copy stops here with 412), then the extension taken back, idempotently; if Courses
            // fails, the action is open again, as it was (docs/adr/0036).
            if (action is { Status: FollowUpActionStatus.Cancelled, ExtensionDays: not null })
            {
                try
                {
                    await sender.Send(new WithdrawDueDateExtension(command.CohortId, command.LearnerId, action.Id), cancellationToken);
                }
                catch
                {
                    await db.Actions.Where(a => a.Id == action.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, FollowUpActionStatus.Open).SetProperty(a => a.DoneBy, (Guid?)null).SetProperty(a => a.DoneAt, (DateTimeOffset?)null), CancellationToken.None);
                    throw;
                }
            }

            return FollowUpActionResponse.From(action, await sender.NamesAsync([action.AuthorId], cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPatch("/cohorts/{cohortId:guid}/members/{userId:guid}/actions/{actionId:guid}", async (Guid cohortId, Guid userId, Guid actionId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, userId, actionId, ifMatch, request.Status), ct)))
            .WithName("UpdateFollowUpAction")
            .WithSummary("Mark a follow-up action done, or cancel it (trainers, org admins, the learner's mentor)")
            .WithDescription("Who may read the learner's journal (a mentor: their own learners; others inside 403, outsiders 404; an action of another learner 404). `status` `Done` or `Cancelled`, once: an action already closed is 409 `action-closed`. Cancelling an extension takes its days back from the learner's due dates (unless the pacing was since replaced by hand with PUT pacing, which then owns them). Send its `ETag` (`version`) as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed, FollowUpProblems.ActionClosed);
}
