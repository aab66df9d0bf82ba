using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Cohorts.EventHandlers;

/// <summary>The applicant hears of every decision on their application, waitlist promotions included, by email.</summary>
internal sealed class NotifyApplicant(CohortsDbContext db, TimeProvider clock, ISender sender, IEmailSender email)
    : IntegrationEventHandler<ApplicationDecided, CohortsDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(ApplicationDecided decided, CancellationToken ct)
    {
        var applicant = (await sender.Send(new GetUsers([decided.ApplicantId]), ct)).SingleOrDefault();
        if (applicant is null)
        {
            return;
        }

        var (fr, en) = decided.Status switch
        {
            ApplicationStatus.Admitted => ("Vous êtes admis·e", "You are admitted"),
            ApplicationStatus.Rejected => ("Votre candidature n'a pas été retenue", "Your application was not accepted"),
            _ => ("Vous êtes sur liste d'attente", "You are on the waitlist"),
        };
        var note = string.IsNullOrWhiteSpace(decided.Note) ? "" : $"\n\n« {decided.Note} »";
        await email.SendAsync(new EmailMessage(applicant.Email, $"{decided.CohortTitle} : {fr} / {en}",
            $"Bonjour {applicant.DisplayName},\n\n{fr} — {decided.CohortTitle}.\n{en} — {decided.CohortTitle}.{note}"), ct);
    }
}
