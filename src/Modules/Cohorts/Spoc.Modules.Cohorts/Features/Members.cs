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
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features;

/// <summary>
/// GET /cohorts/{cohortId}/members: the roster with roles, mentors and groups. Trainers and org admins see every email,
/// a mentor their own learners' emails; learners see their cohort's names and roles only. A constant number of queries
/// whatever the cohort's size.
/// </summary>
internal static class ListMembers
{
    public sealed record Query(Guid CohortId, CohortRole? Role, Guid? MentorId, PageRequest Paging) : IQuery<PagedResult<Member>>;

    /// <summary>A roster line; <c>etag</c> is what <c>If-Match</c> expects when this member's mentor is reassigned.</summary>
    public sealed record Member(Guid UserId, string DisplayName, string? Email, CohortRole Role, Guid? MentorId, string? MentorName, Guid? GroupId, string? GroupName, DateTimeOffset JoinedAt,
        [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender) : IQueryHandler<Query, PagedResult<Member>>
    {
        public async ValueTask<PagedResult<Member>> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await gate.RequireAsync(query.CohortId, CohortCapability.ViewInside, cancellationToken);
            var page = await db.Members.AsNoTracking()
                .Where(m => m.CohortId == query.CohortId && (query.Role == null || m.Role == query.Role) && (query.MentorId == null || m.MentorId == query.MentorId))
                .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                .Select(m => new
                {
                    m.UserId,
                    m.Role,
                    m.MentorId,
                    m.GroupId,
                    GroupName = db.Groups.Where(g => g.Id == m.GroupId).Select(g => g.Name).FirstOrDefault(),
                    m.JoinedAt,
                    m.Version,
                })
                .ToPageAsync(query.Paging, cancellationToken);

            var userIds = page.Items.Select(m => m.UserId).Concat(page.Items.Where(m => m.MentorId != null).Select(m => m.MentorId!.Value)).Distinct().ToList();
            var users = userIds.Count == 0 ? [] : (await sender.Send(new GetUsers(userIds), cancellationToken)).ToDictionary(u => u.Id);
            return new PagedResult<Member>(
                page.Items.Select(m => new Member(
                    m.UserId,
                    users.TryGetValue(m.UserId, out var user) ? user.DisplayName : "",
                    access.CanActOn(m.UserId) ? user?.Email : null,
                    m.Role,
                    m.MentorId,
                    m.MentorId is { } mentor && users.TryGetValue(mentor, out var mentorUser) ? mentorUser.DisplayName : null,
                    m.GroupId,
                    m.GroupName,
                    m.JoinedAt,
                    ETags.Of(m.Version))).ToList(),
                page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members", async (Guid cohortId, CohortRole? role, Guid? mentorId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, role, mentorId, paging), ct)))
            .WithName("ListCohortMembers")
            .WithSummary("The cohort's roster with roles, mentors and groups (emails for trainers, org admins, and a mentor's own learners)")
            .WithDescription("`mentorId` lists one mentor's learners (a mentor's home); `role` filters by cohort role.")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>
/// POST /cohorts/{cohortId}/members: trainers and org admins add a trainer or mentor (someone who holds that role in the
/// owning organisation), or enrol a learner of an eligible organisation into an OrganizationEnrollment cohort (taking a
/// seat); a partner's admin enrols their own people only. Whoever is out of the caller's reach, registered or not, is
/// the same 404.
/// </summary>
internal static class AddCohortMember
{
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
                throw ProblemException.Conflict("role-not-held", "Not staff of the organisation", $"Only the organisation's trainers and admins{(role == CohortRole.Mentor ? " and mentors" : "")} may be made {role} of its cohorts.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.UserId == user.Id, cancellationToken))
            {
                throw ProblemException.Conflict("already-member", "Already a member", "This person already belongs to the cohort.");
            }

            var now = clock.GetUtcNow();
            if (role == CohortRole.Learner)
            {
                if (access.Mode != AdmissionMode.OrganizationEnrollment)
                {
                    throw ProblemException.Conflict("admission-mode-mismatch", "Learners join another way", $"This cohort admits learners by {access.Mode}.");
                }

                await db.TakeAsync(command.CohortId, cancellationToken);
                db.Enrol(command.CohortId, access.OrganizationId, user.Id, EnrollmentSource.OrganizationEnrollment, now);
            }
            else
            {
                db.Members.Add(new CohortMember { CohortId = command.CohortId, UserId = user.Id, Role = role, JoinedAt = now });

                // Joining as staff ends any application of theirs: a trainer is not on the waitlist.
                await db.Applications.Where(a => a.CohortId == command.CohortId && a.ApplicantId == user.Id && a.LiveApplicantId != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn).SetProperty(a => a.LiveApplicantId, (Guid?)null).SetProperty(a => a.Version, Guid.NewGuid()), cancellationToken);
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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

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

    public sealed record Request(IReadOnlyList<string> Emails);

    public sealed record Command(Guid CohortId, IReadOnlyList<string> Emails) : ICommand<Response>;

    public sealed record Result(string Email, Outcome Outcome, Guid? UserId);

    public sealed record Response(int Enrolled, IReadOnlyList<Result> Results);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Emails).NotEmpty().Must(e => e is null || e.Count <= CohortSettingsValidator.MaxCapacity).WithMessage("At most 200 emails at once.");
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
                throw ProblemException.Conflict("admission-mode-mismatch", "Learners join another way", $"This cohort admits learners by {access.Mode}.");
            }

            var emails = command.Emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var users = (await sender.Send(new FindUsersByEmail(emails), cancellationToken)).ToDictionary(u => u.Email, StringComparer.OrdinalIgnoreCase);
            var inOrganization = (await sender.Send(new GetMemberships(users.Values.Select(u => u.Id).ToList(), enrollable), cancellationToken))
                .Select(m => m.UserId).ToHashSet();

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
                if (outcome == Outcome.Enrolled)
                {
                    db.Enrol(command.CohortId, access.OrganizationId, user!.Id, EnrollmentSource.OrganizationEnrollment, now);
                }

                results.Add(new Result(email, outcome, outcome == Outcome.NotFound ? null : user?.Id));
            }

            var enrolled = results.Count(r => r.Outcome == Outcome.Enrolled);
            if (enrolled > 0 && !await db.TryTakeAsync(command.CohortId, cancellationToken, enrolled))
            {
                throw Seats.CohortFull();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Response(enrolled, results);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/enrolments", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, request.Emails), ct)))
            .WithName("EnrolEmployees")
            .WithSummary("Enrol several employees at once, with an outcome per email (trainers, org admins; a partner's admin: their own people)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

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
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Withdrawn).SetProperty(a => a.LiveApplicantId, (Guid?)null).SetProperty(a => a.Version, Guid.NewGuid()), cancellationToken);
            }
            else
            {
                if (member.Role == CohortRole.Trainer && !await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.Role == CohortRole.Trainer && m.UserId != member.UserId, cancellationToken))
                {
                    throw ProblemException.Conflict("last-trainer", "The last trainer", "A cohort keeps at least one trainer: add another trainer first.");
                }

                db.Members.Remove(member);
                await db.Members.Where(m => m.CohortId == command.CohortId && m.MentorId == command.UserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.MentorId, (Guid?)null).SetProperty(m => m.Version, Guid.NewGuid()), cancellationToken);
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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>
/// PUT /cohorts/{cohortId}/members/{userId}/mentor: staff give a learner a mentor (a mentor or trainer of the cohort), or none.
/// <c>If-Match</c> (the member's <c>etag</c> in the roster) → 412 when someone reassigned them meanwhile.
/// </summary>
internal static class AssignMentor
{
    public sealed record Request(Guid? MentorId);

    public sealed record Command(Guid CohortId, Guid LearnerId, string? IfMatch, Guid? MentorId) : ICommand<Guid>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        /// <returns>The member's new version.</returns>
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!(await gate.RequireVisibleAsync(command.CohortId, cancellationToken)).CanActOn(command.LearnerId))
            {
                throw ProblemException.Forbidden("Trainers and org admins assign any learner's mentor, a mentor only their own learners'.");
            }

            var learner = await db.Members.FirstOrDefaultAsync(m => m.CohortId == command.CohortId && m.UserId == command.LearnerId && m.Role == CohortRole.Learner, cancellationToken)
                ?? throw ProblemException.NotFound("This learner");
            db.Expect(learner, command.IfMatch);
            if (command.MentorId is { } mentorId
                && !await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.UserId == mentorId && (m.Role == CohortRole.Mentor || m.Role == CohortRole.Trainer), cancellationToken))
            {
                throw ProblemException.Conflict("not-a-mentor", "Not a mentor of this cohort", "The mentor must be a mentor or trainer of this cohort.");
            }

            learner.MentorId = command.MentorId;
            db.AddIntegrationEvent(new MentorAssigned(command.CohortId, command.LearnerId, command.MentorId), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return learner.Version;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}/members/{userId:guid}/mentor", async (Guid cohortId, Guid userId, Request request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.ETag = ETags.Of(await sender.Send(new Command(cohortId, userId, ifMatch, request.MentorId), ct));
                return TypedResults.NoContent();
            })
            .WithName("AssignMentor")
            .WithSummary("Assign a learner's mentor, or unassign with null (staff)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
