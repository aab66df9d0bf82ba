using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Issuance;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: in the demo trainer's first cohort ("Cohorte hiver"), certification rules (grade 50, attendance 60 %),
/// Inès Mercier certified a week ago and Jérôme Faure certified then revoked, with a reason, three days ago: the history
/// shows all three actions. Once, however often the app starts.
/// </summary>
internal sealed class DemoCertification(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string TrainerEmail = "benoit.lefevre@demo.spoc.local";

    // Named, so that the README's demo logins and the e2e journeys find them: Inès holds a valid certificate, Jérôme's was revoked.
    private const string CertifiedEmail = "ines.mercier@demo.spoc.local";
    private const string RevokedEmail = "jerome.faure@demo.spoc.local";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var trainer = (await sender.Send(new FindUsersByEmail([TrainerEmail]), ct)).SingleOrDefault();
        var cohort = trainer is null ? null : (await sender.Send(new GetCohortMembershipsOfUser(trainer.Id), ct)).FirstOrDefault(m => m.Role == CohortRole.Trainer);
        var db = services.GetRequiredService<CertificationDbContext>();
        if (cohort is null || await db.Rules.AnyAsync(r => r.CohortId == cohort.CohortId, ct))
        {
            return;
        }

        var facts = await sender.Send(new GetCohortCertificationFacts(cohort.CohortId), ct);
        var learners = (await sender.Send(new GetCohortLearners(cohort.CohortId), ct))?.LearnerIds ?? [];
        if (facts is null || learners.Count < 2)
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Rules.Add(new CertificationRules { CohortId = cohort.CohortId, MinFinalGrade = 50m, MinAttendancePercent = 60, UpdatedBy = trainer!.Id, UpdatedAt = now.AddDays(-10) });

        var course = await sender.Send(new GetCourse(facts.CourseId), ct);
        var organizations = (await sender.Send(new GetOrganizations([facts.OrganizationId, .. facts.PartnerOrganizationIds]), ct)).ToDictionary(o => o.Id, o => o.Name);
        var holders = (await sender.Send(new FindUsersByEmail([CertifiedEmail, RevokedEmail]), ct)).ToDictionary(u => u.Email);
        if (!holders.TryGetValue(CertifiedEmail, out var certified) || !holders.TryGetValue(RevokedEmail, out var unlucky)
            || !learners.Contains(certified.Id) || !learners.Contains(unlucky.Id))
        {
            return;
        }

        var names = holders.Values.ToDictionary(u => u.Id, u => u.DisplayName);
        var grades = (await sender.Send(new GetFinalGrades(cohort.CohortId), ct)).ToDictionary(g => g.LearnerId, g => g.Grade);
        var competencies = (await sender.Send(new GetCourseCompetencies(facts.CourseId), ct)).Take(2).Select(c => new AchievedCompetency(c.Code, c.Title)).ToList();

        Certificate Issue(Guid holder, DateTimeOffset at)
        {
            var certificate = new Certificate
            {
                CohortId = cohort.CohortId, HolderId = holder, IssuerOrganizationId = facts.OrganizationId, HolderName = names.GetValueOrDefault(holder, ""),
                CourseTitle = course?.Title ?? "", CohortTitle = facts.Title,
                OrganizationNames = [.. new[] { facts.OrganizationId }.Concat(facts.PartnerOrganizationIds).Where(organizations.ContainsKey).Select(id => organizations[id])],
                CohortStartsOn = facts.StartsOn, CohortEndsOn = facts.EndsOn, FinalGrade = grades.GetValueOrDefault(holder) ?? 72.5m, Competencies = [.. competencies.Select(c => c with { })],
                VerificationCode = CertificateCodes.VerificationCode(), ShortCode = CertificateCodes.ShortCode(), IssuedBy = trainer.Id, IssuedAt = at,
            };
            db.Certificates.Add(certificate);
            db.CertificateEvents.Add(new CertificateEvent { CertificateId = certificate.Id, CohortId = certificate.CohortId, HolderId = holder, Action = CertificateAction.Issued, ActorId = trainer.Id, At = at });
            return certificate;
        }

        Issue(certified.Id, now.AddDays(-7));
        var revoked = Issue(unlucky.Id, now.AddDays(-7).AddMinutes(1));
        const string reason = "Délivré par erreur : la note du projet final a été corrigée à la baisse.";
        (revoked.Status, revoked.RevokedBy, revoked.RevokedAt, revoked.RevocationReason) = (CertificateStatus.Revoked, trainer.Id, now.AddDays(-3), reason);
        db.CertificateEvents.Add(new CertificateEvent
        {
            CertificateId = revoked.Id, CohortId = revoked.CohortId, HolderId = revoked.HolderId, Action = CertificateAction.Revoked, ActorId = trainer.Id, At = now.AddDays(-3), Reason = reason,
        });
        await db.SaveChangesAsync(ct);
    }
}
