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
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>PUT /cohorts/{cohortId}: its trainers and owning organisation's admins change title, dates, window, time zone or capacity (never below the seats taken). <c>If-Match</c> → 412.</summary>
internal static class UpdateCohort
{
    /// <param name="Capacity">Seats, 1 to 200; on update never below the seats already taken (409 capacity-below-seats-taken).</param>
    /// <param name="StartsOn">First day of the cohort, in its time zone; activities are released from this day by their offsets.</param>
    /// <param name="EndsOn">Last day of the cohort: after <c>startsOn</c>.</param>
    /// <param name="ApplicationsOpenAt">When learners may start applying: required for an <c>Application</c> cohort, optional (null) otherwise.</param>
    /// <param name="ApplicationsCloseAt">When applications close: after <c>applicationsOpenAt</c>, and on or before <c>startsOn</c> in the cohort's time zone; required with <c>applicationsOpenAt</c>.</param>
    /// <param name="TimeZone">IANA time zone name (such as <c>Europe/Paris</c>) in which the cohort's dates and release days are counted.</param>
    public sealed record Request(string Title, int Capacity, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset? ApplicationsOpenAt, DateTimeOffset? ApplicationsCloseAt, string TimeZone);

    public sealed record Command(Guid CohortId, string? IfMatch, string Title, int Capacity, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset? ApplicationsOpenAt, DateTimeOffset? ApplicationsCloseAt, string TimeZone)
        : ICommand<CohortResponse>, ICohortSettings;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new CohortSettingsValidator());
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate) : ICommandHandler<Command, CohortResponse>
    {
        public async ValueTask<CohortResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(command.CohortId, CohortCapability.ManageSettings, cancellationToken);
            var cohort = await db.Cohorts.FirstAsync(c => c.Id == command.CohortId, cancellationToken);
            db.Expect(cohort, command.IfMatch);
            if (cohort.AdmissionMode == AdmissionMode.Application && command.ApplicationsOpenAt is null)
            {
                throw Rules.Invalid(nameof(Command.ApplicationsOpenAt), "Learners apply to this cohort within a window: give its opening and closing.");
            }

            // Conditional on the seats taken at this instant, so a concurrent admission cannot slip under the new capacity;
            // in one transaction with the other fields, so a failed save leaves the capacity as it was.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var resized = await db.Cohorts
                .Where(c => c.Id == cohort.Id && c.SeatsTaken <= command.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Capacity, command.Capacity), cancellationToken);
            if (resized == 0)
            {
                throw CohortProblems.CapacityBelowSeatsTaken.Exception();
            }

            cohort.Title = command.Title;
            cohort.StartsOn = command.StartsOn;
            cohort.EndsOn = command.EndsOn;
            cohort.ApplicationsOpenAt = command.ApplicationsOpenAt;
            cohort.ApplicationsCloseAt = command.ApplicationsCloseAt;
            cohort.TimeZone = command.TimeZone;
            cohort.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            var viewer = await gate.ViewerAsync(cancellationToken);
            return (await db.Cohorts.AsNoTracking().Where(c => c.Id == cohort.Id).Select(CohortResponse.Projection(viewer.UserId)).FirstAsync(cancellationToken)).For(viewer);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}", async (Guid cohortId, Request r, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, ifMatch, r.Title, r.Capacity, r.StartsOn, r.EndsOn, r.ApplicationsOpenAt, r.ApplicationsCloseAt, r.TimeZone), ct)))
            .WithName("UpdateCohort")
            .WithSummary("Change a cohort's title, dates, application window, time zone or capacity (trainers, org admins)")
            .WithDescription("Requires `ManageSettings` (trainers, owner admins; others who see the cohort get 403, outsiders 404). The same date and capacity rules as at creation (the application window required for an `Application` cohort only); 409 capacity-below-seats-taken when more learners are already enrolled than the new capacity. Send the cohort's `ETag` as `If-Match` to avoid overwriting someone else's change (412 when stale); the admission mode cannot change.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.CapacityBelowSeatsTaken);
}
