using System.Linq.Expressions;
using Mediator;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>One preparation activity of a session; <c>done</c> is the calling learner's own status (null for staff).</summary>
public sealed record SessionPreparationResponse(Guid ActivityId, string Title, ActivityKind Kind, bool? Done);

/// <summary>A live session as the caller may see it.</summary>
/// <param name="MeetingUrl">Staff and mentors: always. Learners: from <c>joinOpensAt</c> to the end, null otherwise (and once cancelled).</param>
/// <param name="JoinOpensAt">When learners get the meeting link (and may check in).</param>
/// <param name="Ready">The calling learner has done every preparation; null for staff.</param>
/// <param name="CheckInCode">The code learners type to check in: the cohort's trainers and admins only, once shown.</param>
/// <param name="MyAttendance">The calling learner's recorded attendance, if any.</param>
/// <param name="Sequence">Bumped on every change (iCalendar's SEQUENCE).</param>
public sealed record LiveSessionResponse(
    Guid Id, Guid CohortId, Guid? GroupId, Guid? SeriesId, int? Occurrence, string Title, string Description, string DescriptionHtml, SessionKind Kind,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? MeetingUrl, DateTimeOffset JoinOpensAt, string? Place, string? Room, string? Address,
    DateTimeOffset? CancelledAt, string? CancellationReason, int Sequence, IReadOnlyList<SessionPreparationResponse> Preparations, bool? Ready,
    string? CheckInCode, AttendanceStatus? MyAttendance, Guid Version) : IVersioned;

/// <summary>What a session's response is made of: the list reads it in SQL, a single session converts its entity, with one expression.</summary>
internal sealed record SessionRow(
    Guid Id, Guid CohortId, Guid? GroupId, Guid? SeriesId, int? Occurrence, string Title, string Description, string DescriptionHtml, SessionKind Kind,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? MeetingUrl, string? Place, string? Room, string? Address, DateTimeOffset? CancelledAt,
    string? CancellationReason, int Sequence, string? CheckInCode, Guid Version, IReadOnlyList<Guid> Preparations);

internal static class SessionResponses
{
    /// <summary>
    /// A list of sessions reads only this, not the entity with its preparations included: materialising entities (their
    /// Guid initialisers, the include's fix-up) was a quarter of the list's time (docs/performance.md).
    /// </summary>
    public static readonly Expression<Func<LiveSession, SessionRow>> Row = s => new SessionRow(
        s.Id, s.CohortId, s.GroupId, s.SeriesId, s.Occurrence, s.Title, s.Description, s.DescriptionHtml, s.Kind, s.StartsAt, s.EndsAt, s.MeetingUrl,
        s.Place, s.Room, s.Address, s.CancelledAt, s.CancellationReason, s.Sequence, s.CheckInCode, s.Version,
        s.Preparations.OrderBy(p => p.Position).Select(p => p.ActivityId).ToList());

    private static readonly Func<LiveSession, SessionRow> RowOf = Row.Compile();

    public static LiveSessionResponse ToResponse(
        this LiveSession s, SessionViewer viewer, LiveSessionOptions options, DateTimeOffset now, IReadOnlyDictionary<Guid, ActivitySummary> activities,
        AttendanceStatus? mine = null) =>
        RowOf(s).ToResponse(viewer, options, now, activities, mine);

    /// <param name="activities">The preparations' titles, and for a learner whether they did each (<see cref="PreparationTitlesAsync"/>).</param>
    public static LiveSessionResponse ToResponse(
        this SessionRow s, SessionViewer viewer, LiveSessionOptions options, DateTimeOffset now, IReadOnlyDictionary<Guid, ActivitySummary> activities,
        AttendanceStatus? mine = null)
    {
        var opensAt = s.StartsAt - options.JoinOpensBefore;
        var linkShown = viewer.Follows || (s.CancelledAt is null && now >= opensAt && now <= s.EndsAt);
        var learner = viewer.IsLearner && !viewer.Follows;
        var preparations = s.Preparations
            .Select(id => activities.GetValueOrDefault(id) is { } a ? new SessionPreparationResponse(id, a.Title, a.Kind, learner ? a.Done ?? false : null) : null)
            .OfType<SessionPreparationResponse>().ToList();
        return new LiveSessionResponse(
            s.Id, s.CohortId, s.GroupId, s.SeriesId, s.Occurrence, s.Title, s.Description, s.DescriptionHtml, s.Kind, s.StartsAt, s.EndsAt, viewer.Access.TimeZone,
            linkShown ? s.MeetingUrl : null, opensAt, s.Place, s.Room, s.Address, s.CancelledAt, s.CancellationReason, s.Sequence, preparations,
            learner ? preparations.All(p => p.Done == true) : null, viewer.Manages ? s.CheckInCode : null, learner ? mine : null, s.Version);
    }

    /// <summary>
    /// Titles and kinds of these preparations, in one query; given a learner, whether they did each, in the same query.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, ActivitySummary>> PreparationTitlesAsync(
        this ISender sender, Guid courseId, IEnumerable<Guid> activityIds, CancellationToken ct, LearnerInCohort? doneBy = null)
    {
        var ids = activityIds.Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, ActivitySummary>() : (await sender.Send(new GetActivitySummaries(courseId, ids, doneBy), ct)).ToDictionary(a => a.Id);
    }
}
