using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>
/// POST /cohorts: an org admin or trainer of the course's organisation opens a cohort of it, with a trainer from the start:
/// <c>trainerId</c> (a trainer or admin of that organisation), or the creator. <c>organizationIds</c> lists whose people
/// may join (empty: any registered learner); a partner organisation the creator does not administer is pending until one
/// of its admins accepts.
/// </summary>
internal static class CreateCohort
{
    /// <param name="Capacity">Seats, 1 to 200; on update never below the seats already taken (409 capacity-below-seats-taken).</param>
    /// <param name="StartsOn">First day of the cohort, in its time zone; activities are released from this day by their offsets.</param>
    /// <param name="EndsOn">Last day of the cohort: after <c>startsOn</c>.</param>
    /// <param name="ApplicationsOpenAt">When learners may start applying: required for an <c>Application</c> cohort, optional (null) otherwise.</param>
    /// <param name="ApplicationsCloseAt">When applications close: after <c>applicationsOpenAt</c>, and on or before <c>startsOn</c> in the cohort's time zone; required with <c>applicationsOpenAt</c>.</param>
    /// <param name="TimeZone">IANA time zone name (such as <c>Europe/Paris</c>) in which the cohort's dates and release days are counted.</param>
    /// <param name="CourseId">The course taught; the caller must be an admin or trainer of its organisation.</param>
    /// <param name="AdmissionMode">How learners get a seat; it cannot change later.</param>
    /// <param name="OrganizationIds">Partner organisations whose people may join (at most 50; empty: any registered learner). Each is pending until its admins accept, unless the caller administers it.</param>
    /// <param name="TrainerId">The cohort's first trainer, a trainer or admin of the course's organisation; default: the caller.</param>
    public sealed record Command(
        Guid CourseId,
        string Title,
        int Capacity,
        DateOnly StartsOn,
        DateOnly EndsOn,
        DateTimeOffset? ApplicationsOpenAt,
        DateTimeOffset? ApplicationsCloseAt,
        [property: System.ComponentModel.DataAnnotations.Required] AdmissionMode? AdmissionMode,
        IReadOnlyList<Guid>? OrganizationIds,
        string TimeZone,
        Guid? TrainerId = null) : ICommand<CohortResponse>, ICohortSettings;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new CohortSettingsValidator());
            RuleFor(c => c.CourseId).NotEmpty();
            RuleFor(c => c.AdmissionMode).NotNull().IsInEnum();
            RuleFor(c => c.ApplicationsOpenAt).NotNull().When(c => c.AdmissionMode == Contracts.AdmissionMode.Application).WithMessage("Learners apply within a window: give its opening.");
            RuleFor(c => c.ApplicationsCloseAt).NotNull().When(c => c.AdmissionMode == Contracts.AdmissionMode.Application).WithMessage("Learners apply within a window: give its closing.");
            RuleFor(c => c.OrganizationIds).MaxItems(50).WithMessage("At most 50 organisations.");
        }
    }

    internal sealed class Handler(CohortsDbContext db, ISender sender, Domain.CohortGate gate, TimeProvider clock) : ICommandHandler<Command, CohortResponse>
    {
        public async ValueTask<CohortResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var viewer = await gate.ViewerAsync(cancellationToken);
            var course = await sender.Send(new GetCourse(command.CourseId), cancellationToken) ?? throw ProblemException.NotFound("This course");
            var role = await sender.Send(new GetOrganizationRole(course.OrganizationId, viewer.UserId), cancellationToken) ?? throw ProblemException.NotFound("This course");
            if (role is not (OrganizationRole.OrgAdmin or OrganizationRole.Trainer))
            {
                throw ProblemException.Forbidden("Only the organisation's admins and trainers open cohorts.");
            }

            // No cohort without a trainer: the one named, who must be able to hold the role, or the creator.
            var trainerId = command.TrainerId ?? viewer.UserId;
            if (trainerId != viewer.UserId
                && await sender.Send(new GetOrganizationRole(course.OrganizationId, trainerId), cancellationToken) is not (OrganizationRole.OrgAdmin or OrganizationRole.Trainer))
            {
                throw Rules.Invalid("TrainerId", "The trainer must be a trainer or admin of the course's organisation.");
            }

            var organizationIds = (command.OrganizationIds ?? []).Distinct().ToList();
            // The owner is asked with the partners (one statement): a cohort opened in a suspended organisation starts closed.
            var known = await sender.Send(new GetOrganizations([.. organizationIds, course.OrganizationId]), cancellationToken);
            var unknown = organizationIds.Except(known.Select(o => o.Id)).ToList();
            if (unknown.Count > 0)
            {
                throw Rules.Invalid("OrganizationIds", $"Unknown organisations: {string.Join(", ", unknown)}.");
            }

            var now = clock.GetUtcNow();
            var cohort = new Cohort
            {
                CourseId = course.Id,
                OrganizationId = course.OrganizationId,
                Title = command.Title,
                Capacity = command.Capacity,
                StartsOn = command.StartsOn,
                EndsOn = command.EndsOn,
                ApplicationsOpenAt = command.ApplicationsOpenAt,
                ApplicationsCloseAt = command.ApplicationsCloseAt,
                TimeZone = command.TimeZone,
                AdmissionMode = command.AdmissionMode!.Value,
                OrganizationSuspended = known.Any(o => o.Id == course.OrganizationId && o.IsSuspended),
                CreatedAt = now,
            };
            cohort.Organizations.AddRange(organizationIds.Select(id => new CohortOrganization
            {
                CohortId = cohort.Id,
                OrganizationId = id,
                Status = id == course.OrganizationId || viewer.AdminOf.Contains(id) ? PartnershipStatus.Accepted : PartnershipStatus.Pending,
            }));
            cohort.Members.Add(new CohortMember { CohortId = cohort.Id, UserId = trainerId, Role = CohortRole.Trainer, JoinedAt = now });

            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync(cancellationToken);
            return (await db.Cohorts.AsNoTracking().Where(c => c.Id == cohort.Id).Select(CohortResponse.Projection(viewer.UserId)).FirstAsync(cancellationToken)).For(viewer);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts", async (Command command, ISender sender, CancellationToken ct) =>
            {
                var cohort = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohort.Id}", cohort);
            })
            .WithName("CreateCohort")
            .WithSummary("Open a cohort of a course (org admin, trainer)")
            .WithDescription("An `OrgAdmin` or `Trainer` of the course's organisation (404 for an unknown course or an outsider, 403 for other roles). Dates must be in order: `endsOn` after `startsOn`, applications closing after they open and on or before the start date (in `timeZone`, IANA); the application window is required for an `Application` cohort only (null for `OrganizationEnrollment` and `InviteOnly`, which nobody applies to); capacity 1 to 200; `admissionMode` fixes how learners join (`Application`, `InviteOnly`, `OrganizationEnrollment`). `trainerId` (default: the caller) must be a trainer or admin of the organisation; `organizationIds` are named partners, pending until their admins accept (accepted at once for those the caller administers).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
