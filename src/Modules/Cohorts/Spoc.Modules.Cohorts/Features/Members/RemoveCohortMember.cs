using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Members;

/// <summary>
/// DELETE /cohorts/{cohortId}/members/{userId}: trainers and org admins remove someone, or a member leaves; a learner's seat
/// goes to the waitlist head. The last trainer stays (409 last-trainer): a cohort always has one.
/// </summary>
internal static class RemoveCohortMember
{
    public sealed record Command(Guid CohortId, Guid UserId) : ICommand;

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireVisibleAsync(command.CohortId, cancellationToken);
            if (command.UserId != me.Id || access.Role is null)
            {
                access.Require(CohortCapability.ManageStaff);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var member = await db.Members.FirstOrDefaultAsync(m => m.CohortId == command.CohortId && m.UserId == command.UserId, cancellationToken)
                ?? throw ProblemException.NotFound("This member");
            var now = clock.GetUtcNow();
            if (member.Role == CohortRole.Learner)
            {
                await db.LeaveAsync(member, access.OrganizationId, access.Title, now, cancellationToken);
                await db.Applications.Where(a => a.CohortId == command.CohortId && a.ApplicantId == command.UserId && a.LiveApplicantId != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn).SetProperty(a => a.LiveApplicantId, (Guid?)null).SetProperty(a => a.Version, Guid.NewGuid()).SetProperty(a => a.UpdatedAt, now), cancellationToken);
            }
            else
            {
                if (member.Role == CohortRole.Trainer && !await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.Role == CohortRole.Trainer && m.UserId != member.UserId, cancellationToken))
                {
                    throw CohortProblems.LastTrainer.Exception();
                }

                db.Members.Remove(member);
                await db.Members.Where(m => m.CohortId == command.CohortId && m.MentorId == command.UserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.MentorId, (Guid?)null).SetProperty(m => m.Version, Guid.NewGuid()).SetProperty(m => m.UpdatedAt, now), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/cohorts/{cohortId:guid}/members/{userId:guid}", async (Guid cohortId, Guid userId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(cohortId, userId), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveCohortMember")
            .WithSummary("Remove a member (trainers, org admins), or leave the cohort oneself; the waitlist head takes the freed seat")
            .WithDescription("Requires `ManageStaff` (trainers, owner admins; 403 for other members, 404 for outsiders), except to remove oneself: any member may leave. A removed learner's seat goes to the head of the waitlist and their live application is withdrawn; the last trainer cannot be removed (409 last-trainer), and a removed mentor's learners are left without a mentor.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.LastTrainer);
}
