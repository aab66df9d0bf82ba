using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Courses.Domain;

/// <summary>
/// Cohort-scoped routes ask Cohorts who the caller is in the cohort and what they may do there: outsiders get 404,
/// those who see the cohort without seeing its inside (applicants, a partner's admin) 403.
/// </summary>
internal static class CohortCourse
{
    public static async Task<CohortAccessInfo> RequireInsideAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        return access.IsInside ? access : throw ProblemException.Forbidden("Only the cohort's members and staff see its inside.");
    }

    /// <summary>When an activity opens for this cohort: midnight, cohort time, <paramref name="offsetDays"/> after the start.</summary>
    public static DateTimeOffset ReleaseAt(this CohortAccessInfo cohort, int offsetDays) =>
        StartOfDay(cohort.StartsOn.AddDays(offsetDays), TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone));

    /// <summary>Midnight at the start of <paramref name="day"/> in the cohort's time zone, as a UTC instant (DST-aware).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30); // a DST gap at midnight: the day starts when the clocks resume
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>23:59 on <paramref name="day"/> in the cohort's time zone, as a UTC instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
