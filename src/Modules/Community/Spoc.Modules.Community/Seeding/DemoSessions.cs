using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.Community.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: in the demo trainer's first cohort, a weekly virtual class of the last three weeks with its attendance
/// taken, an upcoming virtual class (in two days, 18:00 cohort time) with two preparation activities, and an in-person day
/// next week; once, however often the app starts.
/// </summary>
internal sealed class DemoSessions(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string TrainerEmail = "benoit.lefevre@demo.spoc.local";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var trainer = (await sender.Send(new FindUsersByEmail([TrainerEmail]), ct)).SingleOrDefault();
        var cohort = trainer is null ? null : (await sender.Send(new GetCohortMembershipsOfUser(trainer.Id), ct)).FirstOrDefault(m => m.Role == CohortRole.Trainer);
        var db = services.GetRequiredService<CommunityDbContext>();
        if (cohort is null || await db.LiveSessions.AnyAsync(s => s.CohortId == cohort.CohortId, ct))
        {
            return;
        }

        var access = await sender.Send(new GetCohortAccess(cohort.CohortId, trainer!.Id), ct);
        var learners = (await sender.Send(new GetCohortPeople(cohort.CohortId), ct)).Members.Where(m => m.Role == CohortRole.Learner).Select(m => m.UserId).Distinct().ToList();
        var activities = access is null ? [] : await sender.Send(new GetActivitySummaries(access.CourseId, null), ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        DateTimeOffset At(int days, int hour)
        {
            var local = today.AddDays(days).ToDateTime(new TimeOnly(hour, 0));
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        LiveSession Session(string title, SessionKind kind, DateTimeOffset start, TimeSpan length, string description, Guid? series = null, int? occurrence = null)
        {
            var session = new LiveSession
            {
                CohortId = cohort.CohortId, SeriesId = series, Occurrence = occurrence, Title = title, Kind = kind, StartsAt = start, EndsAt = start + length,
                Description = description, DescriptionHtml = Markdown.ToSafeHtml(description), CreatedBy = trainer.Id, CreatedAt = now, UpdatedAt = now,
                MeetingUrl = kind == SessionKind.InPerson ? null : "https://visio.demo.spoc.local/cohorte-hiver",
            };
            db.LiveSessions.Add(session);
            return session;
        }

        // The last three weeks' virtual classes, attendance taken: most learners present, one late, an absence and an excuse.
        var series = Guid.CreateVersion7();
        var statuses = new[] { AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Excused };
        for (var week = 0; week < 3; week++)
        {
            var past = Session("Classe virtuelle hebdomadaire", SessionKind.VirtualClass, At(-21 + (7 * week), 18), TimeSpan.FromMinutes(90),
                "Le point de la semaine : vos questions sur le cours et le projet fil rouge.", series, week + 1);
            db.SessionAttendance.AddRange(learners.Select((l, i) => new SessionAttendance
            {
                SessionId = past.Id, UserId = l, Status = statuses[(i + week) % statuses.Length], RecordedBy = trainer.Id, RecordedAt = past.EndsAt,
            }));
        }

        // Flipped classroom: the class in two days works on the week that opens today (week 7 of the course), so its two
        // preparations are the ones learners have still to do: their "à venir" says "À préparer".
        var upcoming = Session("Classe inversée : piloter par les indicateurs", SessionKind.VirtualClass, At(2, 18), TimeSpan.FromMinutes(90),
            "Avant la séance, **lisez** la fiche et **tracez** le burndown de votre projet : nous passerons la séance à lire vos courbes ensemble.");
        var prepared = activities.Where(a => a.Kind == ActivityKind.Preparation).ToList();
        var preparations = prepared.Skip(Math.Max(0, prepared.Count - 3)).Take(2).ToList();
        upcoming.Preparations.AddRange(preparations.Select((a, i) => new SessionPreparation { SessionId = upcoming.Id, ActivityId = a.Id, Position = i }));

        var day = Session("Journée en présentiel : atelier planification", SessionKind.InPerson, At(9, 9), TimeSpan.FromHours(7),
            "Une journée d'atelier en groupe : apportez votre ordinateur. Déjeuner sur place.");
        (day.Place, day.Room, day.Address) = ("Campus Spoc", "Salle 204", "12 rue des Écoles, 69007 Lyon");

        await db.SaveChangesAsync(ct);
    }
}
