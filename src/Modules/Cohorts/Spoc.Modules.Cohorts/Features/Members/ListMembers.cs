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

namespace Spoc.Modules.Cohorts.Features.Members;

/// <summary>
/// GET /cohorts/{cohortId}/members: the roster with roles, mentors and groups. Trainers and org admins see every email,
/// a mentor their own learners' emails; learners see their cohort's names and roles only. A constant number of queries
/// whatever the cohort's size.
/// </summary>
internal static class ListMembers
{
    public sealed record Query(Guid CohortId, CohortRole? Role, Guid? MentorId, PageRequest Paging) : IQuery<PagedResult<Member>>;

    /// <summary>A roster line; <c>etag</c> is what <c>If-Match</c> expects when this member's mentor is reassigned.</summary>
    /// <param name="Email">Given only to whoever may act on this member (staff; a mentor for their own learners); null otherwise.</param>
    /// <param name="MentorId">A learner's mentor; null when none is assigned.</param>
    /// <param name="GroupId">A learner's project group; null when in none.</param>
    /// <param name="ETag">The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change this member's mentor.</param>
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
            // The total rides on the page's rows (SQLite evaluates the uncorrelated count once): one statement instead of a
            // count then a page. Only a page past the end, which has no row to carry it, counts on its own.
            var members = db.Members.Where(m => m.CohortId == query.CohortId && (query.Role == null || m.Role == query.Role) && (query.MentorId == null || m.MentorId == query.MentorId));
            var rows = await members.AsNoTracking()
                .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                .Skip((query.Paging.Page - 1) * query.Paging.PageSize).Take(query.Paging.PageSize)
                .Select(m => new
                {
                    m.UserId,
                    m.Role,
                    m.MentorId,
                    m.GroupId,
                    GroupName = db.Groups.Where(g => g.Id == m.GroupId).Select(g => g.Name).FirstOrDefault(),
                    m.JoinedAt,
                    m.Version,
                    Total = members.Count(),
                })
                .ToListAsync(cancellationToken);
            var total = rows.Count > 0 ? rows[0].Total : query.Paging.Page == 1 ? 0 : await members.CountAsync(cancellationToken);

            var userIds = rows.Select(m => m.UserId).Concat(rows.Where(m => m.MentorId != null).Select(m => m.MentorId!.Value)).Distinct().ToList();
            var users = userIds.Count == 0 ? [] : (await sender.Send(new GetUsers(userIds), cancellationToken)).ToDictionary(u => u.Id);
            return new PagedResult<Member>(
                rows.Select(m => new Member(
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
                query.Paging.Page, query.Paging.PageSize, total);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members", async (Guid cohortId, CohortRole? role, Guid? mentorId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, role, mentorId, paging), ct)))
            .WithName("ListCohortMembers")
            .WithSummary("The cohort's roster with roles, mentors and groups (emails for trainers, org admins, and a mentor's own learners)")
            .WithDescription("`mentorId` lists one mentor's learners (a mentor's home); `role` filters by cohort role.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CohortsRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
