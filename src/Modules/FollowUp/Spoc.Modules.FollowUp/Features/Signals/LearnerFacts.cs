using Spoc.Modules.Community.Contracts;
using Spoc.Modules.FollowUp.Domain;

namespace Spoc.Modules.FollowUp.Features.Signals;

/// <summary>The signals that follow from a learner's facts alone: the same facts give the same figures, whatever their order.</summary>
internal static class LearnerFacts
{
    private static readonly string Absent = nameof(AttendanceStatus.Absent);

    /// <summary>Their own actions: an activity done, work handed in, a post, a session attended, a message they wrote.</summary>
    private static bool IsOwnAction(LearnerEvent e) => e.Kind switch
    {
        LearnerEventKind.ActivityCompleted or LearnerEventKind.SubmissionReceived or LearnerEventKind.ForumPost => true,
        LearnerEventKind.Attendance => e.Detail is nameof(AttendanceStatus.Present) or nameof(AttendanceStatus.Late),
        LearnerEventKind.Message => e.ActorId == e.LearnerId,
        _ => false,
    };

    /// <param name="lastDoneAction">When staff last marked one of their follow-up actions done (a contact too).</param>
    public static void Apply(LearnerSignals s, IReadOnlyList<LearnerEvent> facts, DateTimeOffset? lastDoneAction)
    {
        s.LastActivityAt = facts.Where(IsOwnAction).Max(e => (DateTimeOffset?)e.At);
        // Staff writing to them is contact; their own unanswered messages are not.
        s.LastContactAt = new[] { facts.Where(e => e.Kind == LearnerEventKind.Message && e.ActorId != e.LearnerId).Max(e => (DateTimeOffset?)e.At), lastDoneAction }.Max();
        s.LateSubmissions = facts.Count(e => e.Kind == LearnerEventKind.SubmissionReceived && e.Value == 1);
        s.ForumPosts = facts.Count(e => e.Kind == LearnerEventKind.ForumPost);

        var attendance = facts.Where(e => e.Kind == LearnerEventKind.Attendance).ToList();
        var attended = attendance.Count(IsOwnAction);
        s.Absences = attendance.Count(e => e.Detail == Absent);
        s.AttendanceRate = Rate(attended, s.Absences);

        // One grade per assignment (its latest release), oldest first.
        var grades = facts.Where(e => e.Kind == LearnerEventKind.GradeReleased && e.Value is not null).OrderBy(e => e.At).ThenBy(e => e.SubjectId).Select(e => e.Value!.Value).ToList();
        s.AverageGrade = grades.Count == 0 ? null : Math.Round(grades.Average(), 2, MidpointRounding.AwayFromZero);
        s.GradeTrend = grades.Count < 4
            ? null
            : Math.Round(grades.TakeLast(3).Average() - grades.SkipLast(3).TakeLast(3).Average(), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Attended over attended plus absent, in percent (docs/adr/0028: Excused counts for nothing); null when nothing counts.</summary>
    public static decimal? Rate(int attended, int absent) =>
        attended + absent == 0 ? null : Math.Round(100m * attended / (attended + absent), 2, MidpointRounding.AwayFromZero);
}
