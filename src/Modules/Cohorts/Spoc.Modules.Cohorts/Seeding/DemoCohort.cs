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
/// and mentor as staff, so that a learner can apply and the trainer decide right after the run command.
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
        await db.SaveChangesAsync(ct);
    }
}
