using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Assessment.Domain;

/// <summary>
/// Assessment's routes ask Cohorts where the caller stands in the cohort (docs/capabilities.md): outsiders get 404, those
/// who see the cohort without its inside (applicants, a partner's admin) 403. And Courses, each learner's pacing shift.
/// </summary>
internal static class CohortAssessment
{
    public static async Task<CohortAccessInfo> RequireInsideAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        return access.IsInside ? access : throw ProblemException.Forbidden("Only the cohort's members and staff see its assessments.");
    }

    /// <summary>A learner's own due date: the cohort's, moved by their pacing shift in whole days of the cohort's calendar (DST-aware).</summary>
    public static DateTimeOffset PersonalDueAt(DateTimeOffset dueAt, int shiftDays, string timeZone)
    {
        if (shiftDays == 0)
        {
            return dueAt;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(dueAt, zone).DateTime.AddDays(shiftDays);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30); // lands in a DST gap: due when the clocks resume
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The learner's pacing shift (days) in the cohort, from Courses.</summary>
    public static async Task<int> ShiftOfAsync(this ISender sender, Guid cohortId, Guid learnerId, CancellationToken ct) =>
        (await sender.Send(new GetDueDateShifts(cohortId, [learnerId]), ct)).GetValueOrDefault(learnerId);
}
