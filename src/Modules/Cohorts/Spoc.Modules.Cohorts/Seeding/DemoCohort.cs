using System.Text.Json;
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
/// <c>Seed:Demo</c>: three cohorts of the demo course, built as the API builds them (the domain's moves and the events they
/// write, so other modules follow), relative to the day of the first start:
/// <list type="bullet">
/// <item>"Cohorte hiver", under way for six weeks with five learners (the first two mentored by Chloé Moreau), in two project
/// groups; Assessment's, Community's, Certification's and FollowUp's demos fill it. Its learners are the demo's least used by
/// the end-to-end specs (enrolment targets).</item>
/// <item>"Cohorte printemps", open to applications now and starting in a month: three applicants admitted (it is full), one
/// waitlisted, one waiting for a decision, and Groupe Horizon named as partner, its admin's answer pending.</item>
/// <item>"Cohorte Horizon", an organisation-enrolment cohort for the partner company Groupe Horizon (accepted), whose admin
/// enrolled five employees; Sarah Johnson trains it; it started two weeks ago.</item>
/// </list>
/// </summary>
internal sealed class DemoCohort(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string Trainer = "benoit.lefevre@demo.spoc.local";
    private const string Mentor = "chloe.moreau@demo.spoc.local";
    private const string PartnerTrainer = "sarah.johnson@demo.spoc.local";
    private const string PartnerAdmin = "marc.dubois@demo.spoc.local";

    // In the list's order: Chloé Moreau mentors the first two (Anaïs Girard and Jérôme Faure, whom Community's demo has her talk with).
    private static readonly string[] RunningCohortLearners =
        ["anais.girard@demo.spoc.local", "jerome.faure@demo.spoc.local", "ines.mercier@demo.spoc.local", "james.oconnor@demo.spoc.local", "olivia.smith@demo.spoc.local"];

    private static readonly (string Email, ApplicationStatus Status, string Motivation)[] Applicants =
    [
        ("camille.petit@demo.spoc.local", ApplicationStatus.Admitted, "Cheffe de projet depuis un an, je veux structurer ma pratique et passer à Scrum avec mon équipe."),
        ("clara.fontaine@demo.spoc.local", ApplicationStatus.Admitted, "Product Owner débutante : j'ai besoin d'outils pour prioriser le backlog."),
        ("antoine.perrin@demo.spoc.local", ApplicationStatus.Admitted, "Je coordonne une équipe de six développeurs et nos sprints dérapent."),
        ("hugo.leroy@demo.spoc.local", ApplicationStatus.Waitlisted, "Reconversion vers la gestion de projet : je souhaite une formation suivie par un mentor."),
        ("manon.chevalier@demo.spoc.local", ApplicationStatus.Submitted, "Je prépare le lancement d'un projet associatif et voudrais le mener de façon agile."),
    ];

    private static readonly string[] PartnerEmployees =
        ["nadia.benali@demo.spoc.local", "thomas.garnier@demo.spoc.local", "julie.roux@demo.spoc.local", "karim.haddad@demo.spoc.local", "sophie.marchand@demo.spoc.local"];

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var people = (await sender.Send(new FindUsersByEmail([Trainer, Mentor, PartnerTrainer, PartnerAdmin, .. RunningCohortLearners, .. Applicants.Select(a => a.Email), .. PartnerEmployees]), ct))
            .ToDictionary(u => u.Email, u => u.Id);
        if (!people.TryGetValue(Trainer, out var trainer) || !people.TryGetValue(Mentor, out var mentor))
        {
            return;
        }

        var organization = (await sender.Send(new GetUserOrganizations(trainer), ct)).Memberships.FirstOrDefault();
        var course = organization is null ? null : (await sender.Send(new GetCoursesOfOrganization(organization.OrganizationId), ct)).FirstOrDefault();
        var db = services.GetRequiredService<CohortsDbContext>();
        if (course is null || await db.Cohorts.AnyAsync(c => c.CourseId == course.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var partner = people.TryGetValue(PartnerAdmin, out var partnerAdmin)
            ? (await sender.Send(new GetUserOrganizations(partnerAdmin), ct)).Memberships.FirstOrDefault()?.OrganizationId
            : null;

        Cohort NewCohort(string title, int capacity, DateOnly startsOn, DateTimeOffset opensAt, DateTimeOffset closesAt, AdmissionMode mode)
        {
            var cohort = new Cohort
            {
                CourseId = course.Id, OrganizationId = course.OrganizationId, Title = title, Capacity = capacity, StartsOn = startsOn, EndsOn = startsOn.AddDays(90),
                ApplicationsOpenAt = opensAt, ApplicationsCloseAt = closesAt, TimeZone = "Europe/Paris", AdmissionMode = mode, CreatedAt = now,
            };
            cohort.Organizations.Add(new CohortOrganization { CohortId = cohort.Id, OrganizationId = course.OrganizationId, Status = PartnershipStatus.Accepted });
            db.Cohorts.Add(cohort);
            return cohort;
        }

        void Staff(Cohort cohort, string email, CohortRole role)
        {
            if (people.TryGetValue(email, out var id))
            {
                cohort.Members.Add(new CohortMember { CohortId = cohort.Id, UserId = id, Role = role, JoinedAt = now });
            }
        }

        DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Open to applications now, starting in a month: the applications decided as DecideApplication decides them.
        var startsOn = today.AddDays(30);
        var open = NewCohort("Cohorte printemps", Applicants.Count(a => a.Status == ApplicationStatus.Admitted), startsOn, now.AddDays(-10), Midnight(startsOn.AddDays(-2)), AdmissionMode.Application);
        Staff(open, Trainer, CohortRole.Trainer);
        Staff(open, Mentor, CohortRole.Mentor);
        foreach (var ((email, status, motivation), i) in Applicants.Where(a => people.ContainsKey(a.Email)).Select((a, i) => (a, i)))
        {
            var submittedAt = now.AddDays(-9 + i).AddHours(-3);
            var application = new Application
            {
                CohortId = open.Id, ApplicantId = people[email], LiveApplicantId = people[email], Motivation = motivation, SubmittedAt = submittedAt,
                AnswersJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["Disponibilité ?"] = i % 2 == 0 ? "Le mardi soir." : "Le jeudi après-midi." }),
                Status = ApplicationStatus.Submitted,
            };
            var decidedAt = submittedAt.AddDays(1);
            if (status == ApplicationStatus.Admitted)
            {
                application.Admit(decidedAt);
                open.SeatsTaken++;
                db.Enrol(open.Id, course.OrganizationId, people[email], EnrollmentSource.Application, decidedAt);
            }
            else if (status == ApplicationStatus.Waitlisted)
            {
                application.Waitlist(decidedAt);
                application.DecisionNote = "La cohorte est complète : vous êtes en tête de la liste d'attente.";
            }

            if (status != ApplicationStatus.Submitted)
            {
                application.DecidedBy = trainer;
                db.AddIntegrationEvent(new ApplicationDecided(open.Id, open.Title, application.Id, application.ApplicantId, application.Status, application.DecisionNote), decidedAt);
            }

            open.Applications.Add(application);
        }

        // The partner company is asked to join the open cohort too (as NamePartner asks): its admin has a request to answer.
        if (partner is { } partnerId)
        {
            open.Organizations.Add(new CohortOrganization { CohortId = open.Id, OrganizationId = partnerId, Status = PartnershipStatus.Pending });
        }

        // Under way for six weeks; its learners enrolled by the organisation.
        var runningSince = today.AddDays(-42);
        var running = NewCohort("Cohorte hiver", 12, runningSince, now.AddDays(-80), Midnight(runningSince.AddDays(-2)), AdmissionMode.OrganizationEnrollment);
        Staff(running, Trainer, CohortRole.Trainer);
        Staff(running, Mentor, CohortRole.Mentor);
        var learners = RunningCohortLearners.Where(people.ContainsKey).Select(e => people[e]).ToList();
        var teams = new[] { new ProjectGroup { CohortId = running.Id, Name = "Équipe Gantt", CreatedAt = now }, new ProjectGroup { CohortId = running.Id, Name = "Équipe Kanban", CreatedAt = now } };
        foreach (var (learner, i) in learners.Select((l, i) => (l, i)))
        {
            var (mentorId, team) = (i < 2 ? mentor : (Guid?)null, teams[i < 2 ? 0 : 1]);
            running.Members.Add(new CohortMember { CohortId = running.Id, UserId = learner, Role = CohortRole.Learner, MentorId = mentorId, GroupId = team.Id, JoinedAt = now });
            db.AddIntegrationEvent(new LearnerEnrolled(running.Id, course.OrganizationId, learner, EnrollmentSource.OrganizationEnrollment, now), now);
            if (mentorId is not null)
            {
                db.AddIntegrationEvent(new MentorAssigned(running.Id, learner, mentorId), now);
            }
        }

        running.SeatsTaken = learners.Count;
        // The first group's private forum space has a thread (Community's demo).
        foreach (var team in teams)
        {
            db.Groups.Add(team);
            db.AddIntegrationEvent(new GroupChanged(running.Id, team.Id, team.Name, running.Members.Where(m => m.GroupId == team.Id).Select(m => m.UserId).ToList()), now);
        }

        // The partner company's own cohort, two weeks in: its admin accepted and enrolled five employees before the start (as EnrolEmployees does).
        if (partner is { } company)
        {
            var since = today.AddDays(-14);
            var enrolledAt = Midnight(since.AddDays(-3)).AddHours(10);
            var horizon = NewCohort("Cohorte Horizon", 8, since, now.AddDays(-40), Midnight(since.AddDays(-2)), AdmissionMode.OrganizationEnrollment);
            horizon.Organizations.Add(new CohortOrganization
            {
                CohortId = horizon.Id, OrganizationId = company, Status = PartnershipStatus.Accepted, DecidedBy = partnerAdmin, DecidedAt = enrolledAt.AddDays(-2),
            });
            Staff(horizon, PartnerTrainer, CohortRole.Trainer);
            foreach (var employee in PartnerEmployees.Where(people.ContainsKey))
            {
                horizon.SeatsTaken++;
                db.Enrol(horizon.Id, course.OrganizationId, people[employee], EnrollmentSource.OrganizationEnrollment, enrolledAt);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
