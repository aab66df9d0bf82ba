using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// The attendance rule, in one place (docs/adr/0028): attended (Present or Late) over attended plus Absent, at the sessions
/// not cancelled; Excused, and sessions without a record for the learner, count for nothing.
/// </summary>
internal static class AttendanceRates
{
    public static decimal? Rate(int attended, int absent) =>
        attended + absent == 0 ? null : Math.Round(100m * attended / (attended + absent), 2, MidpointRounding.AwayFromZero);

    /// <summary>Each learner's counts in a cohort (those given, or all with a record), in one query.</summary>
    public static async Task<List<LearnerAttendanceRate>> OfCohortAsync(this CommunityDbContext db, Guid cohortId, IReadOnlyCollection<Guid>? learners, CancellationToken ct)
    {
        var records = db.SessionAttendance.AsNoTracking()
            .Where(a => db.LiveSessions.Any(s => s.Id == a.SessionId && s.CohortId == cohortId && s.CancelledAt == null));
        if (learners is not null)
        {
            records = records.Where(a => learners.Contains(a.UserId));
        }

        var counts = await records.GroupBy(a => a.UserId)
            .Select(g => new
            {
                UserId = g.Key,
                Present = g.Count(a => a.Status == AttendanceStatus.Present),
                Late = g.Count(a => a.Status == AttendanceStatus.Late),
                Absent = g.Count(a => a.Status == AttendanceStatus.Absent),
                Excused = g.Count(a => a.Status == AttendanceStatus.Excused),
            })
            .ToListAsync(ct);
        return counts.Select(c => new LearnerAttendanceRate(c.UserId, c.Present, c.Late, c.Absent, c.Excused, Rate(c.Present + c.Late, c.Absent))).ToList();
    }
}
