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

namespace Spoc.Modules.Cohorts.Features.Members;

/// <summary>
/// POST /cohorts/{cohortId}/members: trainers and org admins add a trainer or mentor (someone who holds that role in the
/// owning organisation), or enrol a learner of an eligible organisation into an OrganizationEnrollment cohort (taking a
/// seat); a partner's admin enrols their own people only. Whoever is out of the caller's reach, registered or not, is
/// the same 404.
/// </summary>
internal static class AddCohortMember
{
    /// <param name="UserId">The person to add; give either <c>userId</c> or <c>email</c>, not both.</param>
    /// <param name="Email">The person's account email; give either <c>userId</c> or <c>email</c>, not both.</param>
    /// <param name="Role">Their role in the cohort; a learner takes a seat.</param>
    public sealed record Request(Guid? UserId, string? Email, [property: System.ComponentModel.DataAnnotations.Required] CohortRole? Role);

    public sealed record Command(Guid CohortId, Guid? UserId, string? Email, CohortRole? Role) : ICommand<Response>;

    public sealed record Response(Guid UserId, string DisplayName, CohortRole Role);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Role).NotNull().IsInEnum();
            RuleFor(c => c).Must(c => (c.UserId is not null) ^ !string.IsNullOrWhiteSpace(c.Email))
                .WithName("userId").WithMessage("Give either userId or email.");
            RuleFor(c => c.Email).ValidEmail().When(c => c.Email is not null);
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireVisibleAsync(command.CohortId, cancellationToken);
            var role = command.Role!.Value;

            // Nobody grants a role they could not hold: staff roles take ManageStaff, a learner's seat an enrolment capability.
            var reach = role != CohortRole.Learner ? access.Require(CohortCapability.ManageStaff).EligibleOrganizations.Take(1).ToList()
                : access.Can(CohortCapability.EnrolLearners) ? access.EligibleOrganizations
                : access.Require(CohortCapability.EnrolOwnPeople).OwnPeopleOrganizations;
            var found = command.UserId is { } id
                ? await sender.Send(new GetUsers([id]), cancellationToken)
                : await sender.Send(new FindUsersByEmail([command.Email!]), cancellationToken);
            var memberships = found.Count == 0 ? [] : await sender.Send(new GetMemberships([found[0].Id], reach), cancellationToken);
            if (memberships.Count == 0)
            {
                throw ProblemException.NotFound("This person");
            }

            var user = found[0];
            if (role != CohortRole.Learner && !memberships.Any(m => m.Role is OrganizationRole.OrgAdmin or OrganizationRole.Trainer || (role == CohortRole.Mentor && m.Role == OrganizationRole.Mentor)))
            {
                throw CohortProblems.RoleNotHeld.Exception(role == CohortRole.Mentor ? " and mentors" : "", role);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.UserId == user.Id, cancellationToken))
            {
                throw CohortProblems.AlreadyMember.Exception("This person already belongs to the cohort.");
            }

            var now = clock.GetUtcNow();
            if (role == CohortRole.Learner)
            {
                if (access.Mode != AdmissionMode.OrganizationEnrollment)
                {
                    throw CohortProblems.AdmissionModeMismatch.Exception(access.Mode);
                }

                await db.TakeAsync(command.CohortId, cancellationToken);
                db.Enrol(command.CohortId, access.OrganizationId, user.Id, EnrollmentSource.OrganizationEnrollment, now);
            }
            else
            {
                db.Members.Add(new CohortMember { CohortId = command.CohortId, UserId = user.Id, Role = role, JoinedAt = now });

                // Joining as staff ends any application of theirs: a trainer is not on the waitlist.
                await db.Applications.Where(a => a.CohortId == command.CohortId && a.ApplicantId == user.Id && a.LiveApplicantId != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn).SetProperty(a => a.LiveApplicantId, (Guid?)null).SetProperty(a => a.Version, Guid.NewGuid()).SetProperty(a => a.UpdatedAt, now), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Response(user.Id, user.DisplayName, role);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/members", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var member = await sender.Send(new Command(cohortId, request.UserId, request.Email, request.Role), ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohortId}/members", member);
            })
            .WithName("AddCohortMember")
            .WithSummary("Add a trainer or mentor (trainers, org admins), or enrol a learner (OrganizationEnrollment cohorts; a partner's admin: their own people)")
            .WithDescription("Give `userId` or `email`, not both. Trainers and mentors need `ManageStaff` (trainers, owner admins) and must be staff of the organisation (409 role-not-held); learners need `EnrolLearners` or, for a partner's admin, `EnrolOwnPeople`, only in `OrganizationEnrollment` cohorts (409 admission-mode-mismatch), and take a seat (409 cohort-full). 404 for a person out of reach or a cohort not seen, 403 for too low a role, 409 already-member.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.CohortFull, CohortProblems.RoleNotHeld, CohortProblems.AlreadyMember, CohortProblems.AdmissionModeMismatch);
}
