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
    /// <param name="Since">Sync mode (ADR 0046): only what changed after this point, removals included, oldest change first.</param>
    public sealed record Query(Guid CohortId, CohortRole? Role, Guid? MentorId, PageRequest Paging, ChangeCursor? Since = null) : IQuery<PagedResult<Member>>;

    /// <summary>A roster line; <c>etag</c> is what <c>If-Match</c> expects when this member's mentor is reassigned.</summary>
    /// <param name="Email">Given only to whoever may act on this member (staff; a mentor for their own learners); null otherwise.</param>
    /// <param name="MentorId">A learner's mentor; null when none is assigned.</param>
    /// <param name="GroupId">A learner's project group; null when in none.</param>
    /// <param name="ETag">The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change this member's mentor.</param>
    /// <param name="UpdatedAt">When this membership last changed (joined, role, mentor, group), or was removed: the next <c>updatedSince</c> of a sync.</param>
    /// <param name="Deleted">A tombstone, in sync mode only: this person left the cohort or was removed at <c>updatedAt</c>.</param>
    public sealed record Member(Guid UserId, string DisplayName, string? Email, CohortRole Role, Guid? MentorId, string? MentorName, Guid? GroupId, string? GroupName, DateTimeOffset JoinedAt,
        [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag, DateTimeOffset UpdatedAt, bool Deleted);

    private sealed record Row(Guid UserId, CohortRole Role, Guid? MentorId, Guid? GroupId, string? GroupName, DateTimeOffset JoinedAt, Guid Version, DateTimeOffset UpdatedAt, bool Deleted);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            // A learner moved to another mentor would just vanish from a mentor's sync: no tombstone says so.
            RuleFor(q => q.MentorId).Null().When(q => q.Since is not null).WithMessage("mentorId does not go with updatedSince: sync the whole roster.");
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, SyncWindow sync) : IQueryHandler<Query, PagedResult<Member>>
    {
        public async ValueTask<PagedResult<Member>> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await gate.RequireAsync(query.CohortId, CohortCapability.ViewInside, cancellationToken);
            var members = db.Members.Where(m => m.CohortId == query.CohortId && (query.Role == null || m.Role == query.Role) && (query.MentorId == null || m.MentorId == query.MentorId));
            var (rows, total) = query.Since is { } since ? await ChangesAsync(members, query, since, cancellationToken) : await PageAsync(members, query, cancellationToken);

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
                    ETags.Of(m.Version),
                    m.UpdatedAt,
                    m.Deleted)).ToList(),
                query.Paging.Page, query.Paging.PageSize, total);
        }

        /// <summary>
        /// The roster's page. The total rides on the page's rows (SQLite evaluates the uncorrelated count once): one statement
        /// instead of a count then a page. Only a page past the end, which has no row to carry it, counts on its own.
        /// </summary>
        private async Task<(List<Row> Rows, int Total)> PageAsync(IQueryable<CohortMember> members, Query query, CancellationToken ct)
        {
            var rows = await PageOf(db, query.CohortId, query.Role, query.MentorId, (query.Paging.Page - 1) * query.Paging.PageSize, query.Paging.PageSize)
                .ToListAsync(ct);
            return (rows.Select(r => r.Row).ToList(), rows.Count > 0 ? rows[0].Total : query.Paging.Page == 1 ? 0 : await members.CountAsync(ct));
        }

        // Compiled once, as every hot read (docs/performance.md). The filter is Handle's, written again because a compiled query
        // takes no closure (RosterFilterTests compares the totals of every filter).
        private static readonly Func<CohortsDbContext, Guid, CohortRole?, Guid?, int, int, IAsyncEnumerable<PageRow>> PageOf =
            EF.CompileAsyncQuery((CohortsDbContext db, Guid cohortId, CohortRole? role, Guid? mentorId, int skip, int take) =>
                db.Members.AsNoTracking()
                    .Where(m => m.CohortId == cohortId && (role == null || m.Role == role) && (mentorId == null || m.MentorId == mentorId))
                    .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                    .Skip(skip).Take(take)
                    .Select(m => new PageRow(
                        new Row(m.UserId, m.Role, m.MentorId, m.GroupId, db.Groups.Where(g => g.Id == m.GroupId).Select(g => g.Name).FirstOrDefault(), m.JoinedAt, m.Version, m.UpdatedAt, false),
                        db.Members.Count(x => x.CohortId == cohortId && (role == null || x.Role == role) && (mentorId == null || x.MentorId == mentorId)))));

        private sealed record PageRow(Row Row, int Total);

        /// <summary>
        /// What changed after the cursor, removals as tombstones, in (time, person) order so that the last item is the next
        /// cursor (<see cref="SyncWindow.ReadAsync"/>); <c>page</c> is not used (the cursor pages), the total counts what is left.
        /// </summary>
        private Task<(List<Row> Rows, int Total)> ChangesAsync(IQueryable<CohortMember> members, Query query, ChangeCursor since, CancellationToken ct)
        {
            // Anonymous on both sides: EF unites columns, not constructor calls.
            var changes = members.Select(m => new { m.UserId, m.Role, m.MentorId, m.GroupId, m.JoinedAt, m.Version, m.UpdatedAt, Deleted = false })
                .Concat(db.MemberRemovals.Where(r => r.CohortId == query.CohortId && (query.Role == null || r.Role == query.Role) && query.MentorId == null)
                    .Select(r => new { r.UserId, r.Role, MentorId = (Guid?)null, GroupId = (Guid?)null, r.JoinedAt, Version = r.Id, UpdatedAt = r.RemovedAt, Deleted = true }));
            return sync.ReadAsync(changes, since, query.Paging.PageSize, c => c.UpdatedAt, c => c.UserId,
                c => new Row(c.UserId, c.Role, c.MentorId, c.GroupId, db.Groups.Where(g => g.Id == c.GroupId).Select(g => g.Name).FirstOrDefault(), c.JoinedAt, c.Version, c.UpdatedAt, c.Deleted),
                ct);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members", async (Guid cohortId, CohortRole? role, Guid? mentorId, [AsParameters] PageRequest paging, [AsParameters] ChangeCursor.Parameters since,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, role, mentorId, paging, since.Cursor), ct)))
            .WithName("ListCohortMembers")
            .WithSummary("The cohort's roster with roles, mentors and groups (emails for trainers, org admins, and a mentor's own learners)")
            .WithDescription("`mentorId` lists one mentor's learners (a mentor's home); `role` filters by cohort role. "
                + "Sync (docs/integrations.md): with `updatedSince` (and `afterId`, the last item's `userId`), only the memberships changed after that point, oldest first, "
                + "including tombstones (`deleted: true`) for people who left or were removed; pass the last item's `updatedAt` and `userId` back to read on; "
                + "`page` is not used and `totalCount` is what is left. Changes of the last few seconds are held back until they settle.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CohortsRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
