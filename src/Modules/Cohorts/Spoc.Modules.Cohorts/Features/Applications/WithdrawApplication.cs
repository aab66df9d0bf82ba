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

namespace Spoc.Modules.Cohorts.Features.Applications;

/// <summary>
/// POST /cohorts/{cohortId}/applications/{applicationId}/withdraw: the applicant withdraws. If they were admitted they
/// leave the cohort, and their seat goes to the head of the waitlist.
/// </summary>
internal static class WithdrawApplication
{
    public sealed record Command(Guid CohortId, Guid ApplicationId) : ICommand;

    internal sealed class Handler(CohortsDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var application = await db.Applications.Include(a => a.Cohort)
                .FirstOrDefaultAsync(a => a.Id == command.ApplicationId && a.CohortId == command.CohortId && a.ApplicantId == me.Id, cancellationToken)
                ?? throw ProblemException.NotFound("This application");
            application.EnsureWithdrawable();

            var now = clock.GetUtcNow();
            if (application.Status == ApplicationStatus.Admitted
                && await db.Members.FirstOrDefaultAsync(m => m.CohortId == command.CohortId && m.UserId == me.Id, cancellationToken) is { } membership)
            {
                await db.LeaveAsync(membership, application.Cohort.OrganizationId, application.Cohort.Title, now, cancellationToken);
            }

            application.Withdraw(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/applications/{applicationId:guid}/withdraw", async (Guid cohortId, Guid applicationId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(cohortId, applicationId), ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw one's own application; an admitted learner leaves the cohort")
            .WithDescription("Only the applicant: anyone else's application is 404. Allowed while submitted, waitlisted or admitted (409 application-already-decided once rejected or withdrawn); an admitted applicant leaves the cohort and the head of the waitlist takes the freed seat.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound, CohortProblems.ApplicationAlreadyClosed);
}
