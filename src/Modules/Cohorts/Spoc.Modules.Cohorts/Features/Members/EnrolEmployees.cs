using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Members;

/// <summary>
/// POST /cohorts/{cohortId}/enrolments: an organisation admin enrols several employees at once into an
/// OrganizationEnrollment cohort; each email gets its own outcome, and seats are never oversold.
/// </summary>
internal static class EnrolEmployees
{
    /// <summary><c>NotFound</c>: no account, or none within the caller's reach; the two are one outcome so that nobody learns who is registered.</summary>
    public enum Outcome
    {
        Enrolled,
        AlreadyMember,
        NotFound,
        CohortFull,
    }

    /// <param name="Emails">Accounts of the caller's organisation to enrol, at most 200 at once; each takes a seat.</param>
    public sealed record Request(IReadOnlyList<string> Emails);

    /// <param name="DryRun">Plans every outcome and writes nothing: no seat taken, no member, no event (<see cref="EnrolInBulk"/>).</param>
    public sealed record Command(Guid CohortId, IReadOnlyList<string> Emails, bool DryRun = false) : ICommand<Response>;

    /// <param name="UserId">The account enrolled; null when the outcome is <c>NotFound</c>.</param>
    public sealed record Result(string Email, Outcome Outcome, Guid? UserId);

    /// <param name="Enrolled">How many of the emails took a seat now.</param>
    /// <param name="Results">One line per email sent, in order.</param>
    public sealed record Response(int Enrolled, IReadOnlyList<Result> Results);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Emails).NotEmpty().MaxItems(CohortSettingsValidator.MaxCapacity).WithMessage("At most 200 emails at once.");
            RuleForEach(c => c.Emails).ValidEmail();
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireVisibleAsync(command.CohortId, cancellationToken);

            // Trainers and org admins enrol anyone of the eligible organisations; a partner's admin only their own people.
            var enrollable = access.Can(CohortCapability.EnrolLearners) ? access.EligibleOrganizations
                : access.Require(CohortCapability.EnrolOwnPeople).OwnPeopleOrganizations;

            if (access.Mode != AdmissionMode.OrganizationEnrollment)
            {
                throw CohortProblems.AdmissionModeMismatch.Exception(access.Mode);
            }

            var emails = command.Emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var users = (await sender.Send(new FindUsersByEmail(emails), cancellationToken)).ToDictionary(u => u.Email, StringComparer.OrdinalIgnoreCase);
            var inOrganization = (await sender.Send(new GetMemberships(users.Values.Select(u => u.Id).ToList(), enrollable), cancellationToken))
                .Select(m => m.UserId).ToHashSet();

            // A dry run reads without the write lock a transaction would take on SQLite.
            await using var transaction = command.DryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = users.Values.Select(u => u.Id).ToList();
            var existing = (await db.Members.Where(m => m.CohortId == command.CohortId && ids.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
            var seatsLeft = await db.Cohorts.Where(c => c.Id == command.CohortId).Select(c => c.Capacity - c.SeatsTaken).FirstAsync(cancellationToken);

            var now = clock.GetUtcNow();
            var results = new List<Result>();
            foreach (var email in emails)
            {
                var outcome = !users.TryGetValue(email, out var user) || !inOrganization.Contains(user.Id) ? Outcome.NotFound
                    : !existing.Add(user.Id) ? Outcome.AlreadyMember
                    : results.Count(r => r.Outcome == Outcome.Enrolled) >= seatsLeft ? Outcome.CohortFull
                    : Outcome.Enrolled;
                if (outcome == Outcome.Enrolled && !command.DryRun)
                {
                    db.Enrol(command.CohortId, access.OrganizationId, user!.Id, EnrollmentSource.OrganizationEnrollment, now);
                }

                results.Add(new Result(email, outcome, outcome == Outcome.NotFound ? null : user?.Id));
            }

            var enrolled = results.Count(r => r.Outcome == Outcome.Enrolled);
            if (command.DryRun)
            {
                return new Response(enrolled, results);
            }

            if (enrolled > 0 && !await db.TryTakeAsync(command.CohortId, cancellationToken, enrolled))
            {
                throw CohortProblems.CohortFull.Exception();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
            return new Response(enrolled, results);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/enrolments", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, request.Emails), ct)))
            .WithName("EnrolEmployees")
            .WithSummary("Enrol several employees at once, with an outcome per email (trainers, org admins; a partner's admin: their own people)")
            .WithDescription("Requires `EnrolLearners` (trainers, owner admins: people of the owning organisation and accepted partners), or `EnrolOwnPeople` (an accepted partner's admin: their organisation's people); 403 for other members, 404 for outsiders. Only in `OrganizationEnrollment` cohorts (409 admission-mode-mismatch). Up to 200 emails: each gets `Enrolled`, `AlreadyMember`, `NotFound` (unknown, or not one's people) or `CohortFull` once seats run out, so repeating a call enrols nobody twice.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.EnrolmentsWrite)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.CohortFull, CohortProblems.AdmissionModeMismatch);
}
