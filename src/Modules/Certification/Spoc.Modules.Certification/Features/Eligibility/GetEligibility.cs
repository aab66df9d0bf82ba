using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Eligibility;

/// <summary>
/// GET /cohorts/{cohortId}/certification/eligibility: each current learner against the rules, with their figures (staff:
/// every learner; a mentor: their own). Composed for the whole cohort at once (a cohort holds at most 200 learners), then
/// filtered, sorted and paged in memory.
/// </summary>
internal static class GetEligibility
{
    public const string Sorts = "name, grade, completion, attendance, eligible";

    public sealed record Query(Guid CohortId, PageRequest Paging, string? Sort, bool? Eligible) : IQuery<PagedResult<LearnerEligibility>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            RuleFor(q => q.Sort).MaximumLength(20).Must(s => s is null || Sorters.ContainsKey(s.TrimStart('-')))
                .WithMessage($"Sort by one of: {Sorts} (a leading '-' for descending).");
        }
    }

    /// <summary>Each sort's key; ties keep the name order.</summary>
    private static readonly Dictionary<string, Func<LearnerEligibility, object?>> Sorters = new(StringComparer.Ordinal)
    {
        ["name"] = l => l.DisplayName,
        ["grade"] = l => l.Criteria.FinalGrade.Value,
        ["completion"] = l => l.Criteria.Completion.Value,
        ["attendance"] = l => l.Criteria.Attendance.Value,
        ["eligible"] = l => l.Eligible,
    };

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<LearnerEligibility>>
    {
        public async ValueTask<PagedResult<LearnerEligibility>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await VisibleAsync(db, sender, query.CohortId, me.Id, cancellationToken);
            var filtered = rows.Where(r => query.Eligible is null || r.Eligible == query.Eligible);
            var sort = query.Sort ?? "name";
            var key = Sorters[sort.TrimStart('-')];
            var byName = filtered.OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.UserId);
            var sorted = (sort.StartsWith('-') ? byName.OrderByDescending(key, Comparer<object?>.Default) : byName.OrderBy(key, Comparer<object?>.Default)).ToList();
            var (page, size) = (query.Paging.Page, query.Paging.PageSize);
            return new PagedResult<LearnerEligibility>([.. sorted.Skip((page - 1) * size).Take(size)], page, size, sorted.Count);
        }
    }

    /// <summary>Staff see every learner, a mentor their own learners; other members 403, outsiders 404.</summary>
    public static async Task<IReadOnlyList<LearnerEligibility>> VisibleAsync(CertificationDbContext db, ISender sender, Guid cohortId, Guid callerId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, callerId), ct) ?? throw ProblemException.NotFound("This cohort");
        IReadOnlyCollection<Guid>? only = access.Can(CohortCapability.ActOnAllLearners) ? null
            : access.Can(CohortCapability.ActOnOwnMentees) ? access.MentoredLearnerIds
            : throw ProblemException.Forbidden("The eligibility table is for the cohort's trainers, admins and mentors; a learner reads their own at .../eligibility/me.");
        return (await db.AssessAsync(sender, access, only, withMastery: false, ct)).Learners;
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/certification/eligibility", async (
                    Guid cohortId, [AsParameters] PageRequest paging, [FromQuery] string? sort, [FromQuery] bool? eligible, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging, sort, eligible), ct)))
            .WithName("GetCertificationEligibility")
            .WithSummary("Each learner against the cohort's certification rules, with their figures (trainers, org admins; a mentor: their own learners)")
            .WithDescription("Trainers, org admins and the platform admin see every current learner; a mentor their own learners; learners and a partner's admin 403 (a learner reads `.../eligibility/me`); outsiders 404. Each learner has the five criteria `{required, met, value, threshold}`: `finalGrade` (the gradebook's grade, percent), `completion` (share of the course's activities completed, percent, as the progress matrix rounds it), `attendance` (rate at live sessions, percent), `assignments` and `competencies` (how many of the required ones are passed or mastered, out of how many; the missing ones are listed); `eligible` when all are met; `certificate` (id, status) when one was issued. A figure not known yet (no grade, no attendance recorded) does not meet a required minimum. `sort`: name (default), grade, completion, attendance, eligible; a leading `-` sorts descending. `eligible=true|false` filters. Paged (default 20, at most 100). The number of SQL statements does not grow with the cohort.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CertificatesRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
