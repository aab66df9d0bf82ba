using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Seeding;

/// <summary>
/// <c>Seed:Demo</c>, after Cohorts' demo cohorts: the learners of the two cohorts under way have marked their first activities
/// done, as <c>MarkActivityDone</c> records them (a completion and its <see cref="ActivityCompleted"/> event, which FollowUp's
/// signals and skills project), each at their own pace: in "Cohorte hiver" Inès ahead, James on time, Anaïs a little and Jérôme
/// far behind, Olivia stopped by her sick leave; in "Cohorte Horizon" the employees spread over the first two weeks.
/// Nothing is done before it is released; once per cohort, however often the app starts.
/// </summary>
internal sealed class DemoProgress(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    /// <summary>Each learner's activities done, counted in course order, and how many days after its release they do one.</summary>
    private static readonly (string Email, int Done, int DaysLate)[] Learners =
    [
        ("ines.mercier@demo.spoc.local", 21, 1),
        ("james.oconnor@demo.spoc.local", 18, 3),
        ("anais.girard@demo.spoc.local", 13, 5),
        ("jerome.faure@demo.spoc.local", 9, 4),
        ("olivia.smith@demo.spoc.local", 7, 2),
        ("nadia.benali@demo.spoc.local", 6, 1),
        ("sophie.marchand@demo.spoc.local", 5, 3),
        ("thomas.garnier@demo.spoc.local", 3, 4),
        ("julie.roux@demo.spoc.local", 2, 6),
    ];

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var db = services.GetRequiredService<CoursesDbContext>();
        var people = (await sender.Send(new FindUsersByEmail([.. Learners.Select(l => l.Email)]), ct)).ToDictionary(u => u.Email, u => u.Id);
        var now = clock.GetUtcNow();
        var seeded = new HashSet<Guid>();
        foreach (var (email, done, daysLate) in Learners.Where(l => people.ContainsKey(l.Email)))
        {
            var userId = people[email];
            foreach (var cohort in (await sender.Send(new GetCohortMembershipsOfUser(userId), ct)).Where(m => m.Role == CohortRole.Learner && m.CourseId is not null))
            {
                // Once: a cohort that already has progress (from an earlier start, or from its learners) is left alone.
                if (!seeded.Contains(cohort.CohortId) && await db.Completions.AnyAsync(c => c.CohortId == cohort.CohortId, ct))
                {
                    continue;
                }

                seeded.Add(cohort.CohortId);
                var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
                var activities = await db.Set<Activity>().AsNoTracking()
                    .Where(a => a.CourseId == cohort.CourseId && db.Courses.Any(c => c.Id == a.CourseId && c.IsPublished))
                    .Join(db.Set<Section>(), a => a.SectionId, s => s.Id, (a, s) => new { a.Id, a.OffsetDays, Section = s.Position, a.Position })
                    .OrderBy(a => a.Section).ThenBy(a => a.Position)
                    .Take(done)
                    .ToListAsync(ct);
                foreach (var (activity, i) in activities.Select((a, i) => (a, i)))
                {
                    var releasedAt = CohortCourse.StartOfDay(cohort.StartsOn.AddDays(activity.OffsetDays), zone);
                    var at = releasedAt.AddDays(daysLate).AddHours(9 + (2 * (i % 4)));
                    at = at < now ? at : now.AddMinutes(-30 + i);
                    if (at < releasedAt)
                    {
                        continue;
                    }

                    db.Completions.Add(new Completion { CohortId = cohort.CohortId, UserId = userId, ActivityId = activity.Id, CompletedAt = at });
                    db.AddIntegrationEvent(new ActivityCompleted(cohort.CohortId, userId, activity.Id, at), at);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
