using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>GET /sessions/{sessionId}/attendance: the sheet, each learner the session is for and their status, with the session's rate.</summary>
internal static class GetAttendanceSheet
{
    /// <param name="Status">Null until staff record it or the learner checks in.</param>
    /// <param name="CheckedInAt">When the learner checked in with the code; null when staff set the status.</param>
    public sealed record Row(Guid UserId, string DisplayName, AttendanceStatus? Status, DateTimeOffset? CheckedInAt);

    /// <param name="Rate">Present and Late over Present, Late and Absent, in percent; Excused and unrecorded learners left out; null when nothing counts.</param>
    /// <param name="Version">The sheet's ETag, for <c>If-Match</c> on PUT (check-ins do not change it).</param>
    public sealed record Response(
        Guid SessionId, int Present, int Late, int Absent, int Excused, decimal? Rate, IReadOnlyList<Row> Items, int Page, int PageSize, int TotalCount, Guid Version)
        : IVersioned;

    public sealed record Query(Guid SessionId, PageRequest Paging) : IQuery<Response>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, query.SessionId, cancellationToken);
            if (!viewer.Follows)
            {
                throw ProblemException.Forbidden("The attendance sheet is for the cohort's staff and mentors; a learner sees their own attendance on the session.");
            }

            var learners = viewer.Followed((await sender.Send(new GetCohortPeople(session.CohortId), cancellationToken)).LearnersOf(session)).ToList();
            var records = await db.SessionAttendance.AsNoTracking().Where(a => a.SessionId == session.Id).ToDictionaryAsync(a => a.UserId, cancellationToken);
            var names = learners.Count == 0 ? [] : (await sender.Send(new GetUsers(learners), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var rows = learners
                .Select(id => new Row(id, names.GetValueOrDefault(id, ""), records.GetValueOrDefault(id)?.Status, records.GetValueOrDefault(id)?.CheckedInAt))
                .OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.UserId).ToList();
            int Count(AttendanceStatus status) => rows.Count(r => r.Status == status);
            var (page, size) = (query.Paging.Page, query.Paging.PageSize);
            return new Response(session.Id, Count(AttendanceStatus.Present), Count(AttendanceStatus.Late), Count(AttendanceStatus.Absent), Count(AttendanceStatus.Excused),
                AttendanceRates.Rate(Count(AttendanceStatus.Present) + Count(AttendanceStatus.Late), Count(AttendanceStatus.Absent)),
                rows.Skip((page - 1) * size).Take(size).ToList(), page, size, rows.Count, session.AttendanceVersion);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{sessionId:guid}/attendance", async (Guid sessionId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(sessionId, paging), ct)))
            .WithName("GetAttendanceSheet")
            .WithSummary("The session's attendance sheet: each learner it is for, their status, and the session's rate")
            .WithDescription("The cohort's trainers and admins: every learner the session is for; a mentor: their own learners (counts and rate over them too); a learner who sees the session 403 (their own status is `myAttendance` on the session); others 404. By name, paged; the counts cover all pages. Its `ETag` (`version`) makes a PUT conditional. The rate is (Present + Late) / (Present + Late + Absent) in percent: Excused and unrecorded learners are left out (docs/adr/0028).")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.ProgressRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
