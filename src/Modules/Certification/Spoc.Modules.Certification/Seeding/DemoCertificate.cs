using System.Security.Cryptography;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: Inès Mercier holds a certificate of "Cohorte hiver", so that "Mes certificats", its PDF and the
/// e2e journey have something to show. Once: nothing is added when she already holds one there.
/// </summary>
internal sealed class DemoCertificate(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string Holder = "ines.mercier@demo.spoc.local";
    private const string Trainer = "benoit.lefevre@demo.spoc.local";
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var people = (await sender.Send(new FindUsersByEmail([Holder, Trainer]), ct)).ToDictionary(u => u.Email);
        var cohort = people.TryGetValue(Holder, out var holder)
            ? (await sender.Send(new GetCohortMembershipsOfUser(holder.Id), ct)).FirstOrDefault(m => m.Title == "Cohorte hiver" && m.Role == CohortRole.Learner)
            : null;
        var db = services.GetRequiredService<CertificationDbContext>();
        if (cohort is null || holder is null || !people.TryGetValue(Trainer, out var trainer)
            || await db.Certificates.AnyAsync(c => c.CohortId == cohort.CohortId && c.HolderId == holder.Id, ct)
            || await sender.Send(new GetCohortLearners(cohort.CohortId), ct) is not { } roster
            || await sender.Send(new GetCourse(roster.CourseId), ct) is not { } course)
        {
            return;
        }

        var issuer = (await sender.Send(new GetOrganizations([cohort.OrganizationId]), ct)).Select(o => o.Name).ToList();
        db.Certificates.Add(new Certificate
        {
            CohortId = cohort.CohortId,
            HolderId = holder.Id,
            IssuerOrganizationId = cohort.OrganizationId,
            HolderName = holder.DisplayName,
            CourseTitle = course.Title,
            CohortTitle = cohort.Title,
            OrganizationNames = issuer,
            CohortStartsOn = cohort.StartsOn,
            CohortEndsOn = cohort.EndsOn,
            FinalGrade = 82.5m,
            Competencies = [.. (await sender.Send(new Spoc.Modules.Courses.Contracts.GetCourseCompetencies(course.Id), ct)).Select(c => new AchievedCompetency(c.Code, c.Title))],
            VerificationCode = RandomNumberGenerator.GetString(Crockford, 26),
            ShortCode = RandomNumberGenerator.GetString(Crockford, 12),
            IssuedBy = trainer.Id,
            IssuedAt = clock.GetUtcNow().AddDays(-2),
        });
        await db.SaveChangesAsync(ct);
    }
}
