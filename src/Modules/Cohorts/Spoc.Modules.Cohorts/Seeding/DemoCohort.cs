using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: a cohort of the demo course open to applications now, starting in a month, with the demo trainer
/// and mentor as staff, so that a learner can apply and the trainer decide right after the run command; and one under way
/// for six weeks with five learners (two of them the mentor's), where Assessment's demo hands in and grades work, so that
/// a newcomer finds a filled gradebook. Its learners are the demo's least used by the end-to-end specs (enrolment targets).
/// </summary>
internal sealed class DemoCohort(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var staff = (await sender.Send(new FindUsersByEmail(["benoit.lefevre@demo.spoc.local", "chloe.moreau@demo.spoc.local"]), ct)).ToDictionary(u => u.Email);
        // In the list's order: Chloé Moreau mentors its first two (Anaïs Girard and Jérôme Faure, whom Community's demo has her talk with).
        var learners = (await sender.Send(new FindUsersByEmail(RunningCohortLearners), ct)).OrderBy(l => Array.IndexOf(RunningCohortLearners, l.Email)).ToList();
        if (staff.Count < 2)
        {
            return;
        }

        var organization = (await sender.Send(new GetUserOrganizations(staff["benoit.lefevre@demo.spoc.local"].Id), ct)).Memberships.FirstOrDefault();
        var course = organization is null ? null : (await sender.Send(new GetCoursesOfOrganization(organization.OrganizationId), ct)).FirstOrDefault();
        var db = services.GetRequiredService<CohortsDbContext>();
        if (course is null || await db.Cohorts.AnyAsync(c => c.CourseId == course.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var startsOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(30);
        var cohort = new Cohort
        {
            CourseId = course.Id,
            OrganizationId = course.OrganizationId,
            Title = "Cohorte printemps",
            Capacity = 12,
            StartsOn = startsOn,
            EndsOn = startsOn.AddDays(90),
            ApplicationsOpenAt = now.AddDays(-1),
            ApplicationsCloseAt = new DateTimeOffset(startsOn.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            TimeZone = "Europe/Paris",
            AdmissionMode = AdmissionMode.Application,
            CreatedAt = now,
        };
        cohort.Organizations.Add(new CohortOrganization { CohortId = cohort.Id, OrganizationId = course.OrganizationId, Status = PartnershipStatus.Accepted });
        cohort.Members.Add(new CohortMember { CohortId = cohort.Id, UserId = staff["benoit.lefevre@demo.spoc.local"].Id, Role = CohortRole.Trainer, JoinedAt = now });
        cohort.Members.Add(new CohortMember { CohortId = cohort.Id, UserId = staff["chloe.moreau@demo.spoc.local"].Id, Role = CohortRole.Mentor, JoinedAt = now });
        db.Cohorts.Add(cohort);

        var runningSince = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-42);
        var running = new Cohort
        {
            CourseId = course.Id,
            OrganizationId = course.OrganizationId,
            Title = "Cohorte hiver",
            Capacity = 12,
            SeatsTaken = learners.Count,
            StartsOn = runningSince,
            EndsOn = runningSince.AddDays(90),
            ApplicationsOpenAt = now.AddDays(-80),
            ApplicationsCloseAt = new DateTimeOffset(runningSince.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            TimeZone = "Europe/Paris",
            AdmissionMode = AdmissionMode.OrganizationEnrollment,
            CreatedAt = now,
        };
        running.Organizations.Add(new CohortOrganization { CohortId = running.Id, OrganizationId = course.OrganizationId, Status = PartnershipStatus.Accepted });
        running.Members.Add(new CohortMember { CohortId = running.Id, UserId = staff["benoit.lefevre@demo.spoc.local"].Id, Role = CohortRole.Trainer, JoinedAt = now });
        running.Members.Add(new CohortMember { CohortId = running.Id, UserId = staff["chloe.moreau@demo.spoc.local"].Id, Role = CohortRole.Mentor, JoinedAt = now });
        // The first two learners form a project group: its private forum space has a thread (Community's demo).
        var team = new ProjectGroup { CohortId = running.Id, Name = "Équipe Gantt", CreatedAt = now };
        db.Groups.Add(team);
        db.AddIntegrationEvent(new GroupChanged(running.Id, team.Id, team.Name, learners.Take(2).Select(l => l.Id).ToList()), now);
        foreach (var (learner, i) in learners.Select((l, i) => (l, i)))
        {
            running.Members.Add(new CohortMember
            {
                CohortId = running.Id, UserId = learner.Id, Role = CohortRole.Learner, MentorId = i < 2 ? staff["chloe.moreau@demo.spoc.local"].Id : null,
                GroupId = i < 2 ? team.Id : null, JoinedAt = now,
            });
            db.AddIntegrationEvent(new LearnerEnrolled(running.Id, course.OrganizationId, learner.Id, EnrollmentSource.OrganizationEnrollment, now), now);
        }

        db.Cohorts.Add(running);
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] RunningCohortLearners =
        ["anais.girard@demo.spoc.local", "jerome.faure@demo.spoc.local", "ines.mercier@demo.spoc.local", "james.oconnor@demo.spoc.local", "olivia.smith@demo.spoc.local"];
}
