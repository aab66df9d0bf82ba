using Spoc.SharedKernel.Persistence;
using System.Text.Json;
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
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features;

public sealed record ApplicationResponse(
    Guid Id, Guid CohortId, string CohortTitle, Guid ApplicantId, string? ApplicantName, string Motivation,
    IReadOnlyDictionary<string, string> Answers, ApplicationStatus Status, string? DecisionNote,
    DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, int? WaitlistPosition);

/// <summary>POST /cohorts/{cohortId}/applications: an eligible learner applies while the window is open; one live application per cohort.</summary>
internal static class ApplyToCohort
{
    public sealed record Request(string Motivation, Dictionary<string, string>? Answers);

    public sealed record Command(Guid CohortId, [property: MultiLine] string Motivation, [property: MultiLine] Dictionary<string, string>? Answers) : ICommand<ApplicationResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Motivation).NotEmpty().MaximumLength(5000);
            RuleFor(c => c.Answers).Must(a => a is null || a.Count <= 20).WithMessage("At most 20 answers.");
            RuleForEach(c => c.Answers).ChildRules(a =>
            {
                a.RuleFor(x => x.Key).NotEmpty().MaximumLength(200);
                a.RuleFor(x => x.Value).NotNull().MaximumLength(2000);
            });
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ApplicationResponse>
    {
        public async ValueTask<ApplicationResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireVisibleAsync(command.CohortId, cancellationToken);
            var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == command.CohortId)
                .Select(c => new { c.ApplicationsOpenAt, c.ApplicationsCloseAt, HasLive = c.Applications.Any(a => a.LiveApplicantId == me.Id) })
                .FirstAsync(cancellationToken);
            if (access.Mode != AdmissionMode.Application)
            {
                throw ProblemException.Conflict("applications-not-accepted", "This cohort does not take applications", "Its learners join by invitation or organisation enrolment.");
            }

            if (access.Role is not null)
            {
                throw ProblemException.Conflict("already-member", "Already a member", "You already belong to this cohort.");
            }

            var now = clock.GetUtcNow();
            if (now < cohort.ApplicationsOpenAt || now >= cohort.ApplicationsCloseAt)
            {
                throw ProblemException.Conflict("application-window-closed", "Applications are closed",
                    $"Applications are accepted from {cohort.ApplicationsOpenAt:u} to {cohort.ApplicationsCloseAt:u}.");
            }

            if (cohort.HasLive)
            {
                throw DuplicateApplication();
            }

            var application = new Application
            {
                CohortId = command.CohortId,
                ApplicantId = me.Id,
                LiveApplicantId = me.Id,
                Motivation = command.Motivation.Trim(),
                AnswersJson = JsonSerializer.Serialize(command.Answers ?? []),
                Status = ApplicationStatus.Submitted,
                SubmittedAt = now,
            };
            db.Applications.Add(application);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                throw DuplicateApplication();
            }

            return new ApplicationResponse(application.Id, command.CohortId, access.Title, me.Id, null, application.Motivation,
                command.Answers ?? [], application.Status, null, now, null, null);
        }

        private static ProblemException DuplicateApplication() =>
            ProblemException.Conflict("duplicate-application", "Already applied", "You already have a live application to this cohort; withdraw it to apply again.");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/applications", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var application = await sender.Send(new Command(cohortId, request.Motivation, request.Answers), ct);
                return TypedResults.Created("/api/v1/me/applications", application);
            })
            .WithName("ApplyToCohort")
            .WithSummary("Apply to a cohort with a motivation and answers (learner)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>GET /cohorts/{cohortId}/applications: the staff's review queue, oldest first, filterable by status.</summary>
internal static class ListApplications
{
    public sealed record Query(Guid CohortId, ApplicationStatus? Status, PageRequest Paging) : IQuery<PagedResult<ApplicationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender) : IQueryHandler<Query, PagedResult<ApplicationResponse>>
    {
        public async ValueTask<PagedResult<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.DecideApplications, cancellationToken);
            var status = query.Status;
            var page = await db.Applications.AsNoTracking()
                .Where(a => a.CohortId == query.CohortId && (status == null || a.Status == status))
                .OrderBy(a => a.Status == ApplicationStatus.Waitlisted ? a.WaitlistedAt : a.SubmittedAt).ThenBy(a => a.Id)
                .Select(ApplicationRows.Row)
                .ToPageAsync(query.Paging, cancellationToken);
            return await ApplicationRows.ToResponsesAsync(page, sender, withNames: true, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/applications", async (Guid cohortId, ApplicationStatus? status, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, status, paging), ct)))
            .WithName("ListApplications")
            .WithSummary("Applications to a cohort, by status (trainers, org admins)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>GET /me/applications: the caller's applications with the decisions and notes the staff gave.</summary>
internal static class ListMyApplications
{
    public sealed record Query(PageRequest Paging) : IQuery<PagedResult<ApplicationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortsDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<ApplicationResponse>>
    {
        public async ValueTask<PagedResult<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Applications.AsNoTracking()
                .Where(a => a.ApplicantId == me.Id)
                .OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
                .Select(ApplicationRows.Row)
                .ToPageAsync(query.Paging, cancellationToken);
            return await ApplicationRows.ToResponsesAsync(page, sender, withNames: false, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/applications", async ([AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(paging), ct)))
            .WithName("ListMyApplications")
            .WithSummary("The caller's applications and their decisions")
            .RequireAuthorization(Policies.SignedIn);
}

internal static class ApplicationRows
{
    internal sealed record RowData(Guid Id, Guid CohortId, string CohortTitle, Guid ApplicantId, string Motivation, string AnswersJson,
        ApplicationStatus Status, string? DecisionNote, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, int? WaitlistPosition);

    public static readonly System.Linq.Expressions.Expression<Func<Application, RowData>> Row = a => new RowData(
        a.Id, a.CohortId, a.Cohort.Title, a.ApplicantId, a.Motivation, a.AnswersJson, a.Status, a.DecisionNote, a.SubmittedAt, a.DecidedAt,
        a.Status == ApplicationStatus.Waitlisted
            ? a.Cohort.Applications.Count(o => o.Status == ApplicationStatus.Waitlisted && o.WaitlistedAt <= a.WaitlistedAt)
            : null);

    /// <summary>Applicants' names come from Platform in one query for the whole page.</summary>
    public static async Task<PagedResult<ApplicationResponse>> ToResponsesAsync(PagedResult<RowData> page, ISender sender, bool withNames, CancellationToken ct)
    {
        var names = withNames && page.Items.Count > 0
            ? (await sender.Send(new GetUsers(page.Items.Select(r => r.ApplicantId).Distinct().ToList()), ct)).ToDictionary(u => u.Id, u => u.DisplayName)
            : [];
        return new PagedResult<ApplicationResponse>(
            page.Items.Select(r => new ApplicationResponse(r.Id, r.CohortId, r.CohortTitle, r.ApplicantId, names.GetValueOrDefault(r.ApplicantId), r.Motivation,
                JsonSerializer.Deserialize<Dictionary<string, string>>(r.AnswersJson) ?? [], r.Status, r.DecisionNote, r.SubmittedAt, r.DecidedAt, r.WaitlistPosition)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
