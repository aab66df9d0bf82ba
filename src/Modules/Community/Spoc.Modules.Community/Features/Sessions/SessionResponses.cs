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

internal static class SessionResponses
{
    public static LiveSessionResponse ToResponse(
        this LiveSession s, SessionViewer viewer, LiveSessionOptions options, DateTimeOffset now,
        IReadOnlyDictionary<Guid, ActivitySummary> activities, IReadOnlySet<Guid>? done = null, AttendanceStatus? mine = null)
    {
        var opensAt = s.StartsAt - options.JoinOpensBefore;
        var linkShown = viewer.Follows || (s.CancelledAt is null && now >= opensAt && now <= s.EndsAt);
        var learner = viewer.IsLearner && !viewer.Follows;
        var preparations = s.Preparations.OrderBy(p => p.Position)
            .Select(p => activities.GetValueOrDefault(p.ActivityId) is { } a
                ? new SessionPreparationResponse(p.ActivityId, a.Title, a.Kind, learner ? done?.Contains(p.ActivityId) ?? false : null)
                : null)
            .OfType<SessionPreparationResponse>().ToList();
        return new LiveSessionResponse(
            s.Id, s.CohortId, s.GroupId, s.SeriesId, s.Occurrence, s.Title, s.Description, s.DescriptionHtml, s.Kind, s.StartsAt, s.EndsAt, viewer.Access.TimeZone,
            linkShown ? s.MeetingUrl : null, opensAt, s.Place, s.Room, s.Address, s.CancelledAt, s.CancellationReason, s.Sequence, preparations,
            learner ? preparations.All(p => p.Done == true) : null, viewer.Manages ? s.CheckInCode : null, learner ? mine : null, s.Version);
    }

    /// <summary>Which of these sessions' preparations the learner has done, in one call.</summary>
    public static async Task<IReadOnlySet<Guid>> PreparationsDoneAsync(this ISender sender, Guid cohortId, Guid learnerId, IEnumerable<LiveSession> sessions, CancellationToken ct)
    {
        var activities = sessions.SelectMany(s => s.Preparations).Select(p => p.ActivityId).Distinct().ToList();
        return activities.Count == 0 ? new HashSet<Guid>() : (await sender.Send(new GetCompletionsOfUser(learnerId, [cohortId], activities), ct))
            .Select(c => c.ActivityId).ToHashSet();
    }

    /// <summary>Titles and kinds of these sessions' preparations, in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ActivitySummary>> PreparationTitlesAsync(
        this ISender sender, Guid courseId, IEnumerable<LiveSession> sessions, CancellationToken ct)
    {
        var ids = sessions.SelectMany(s => s.Preparations).Select(p => p.ActivityId).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, ActivitySummary>() : (await sender.Send(new GetActivitySummaries(courseId, ids), ct)).ToDictionary(a => a.Id);
    }
}
