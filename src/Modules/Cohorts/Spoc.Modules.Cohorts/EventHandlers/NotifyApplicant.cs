using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Cohorts.EventHandlers;

/// <summary>The applicant hears of every decision on their application, waitlist promotions included, by email in their language.</summary>
internal sealed class NotifyApplicant(CohortsDbContext db, TimeProvider clock, ISender sender, IEmailSender email, PublicSite site)
    : IntegrationEventHandler<ApplicationDecided, CohortsDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(ApplicationDecided decided, CancellationToken ct)
    {
        var applicant = (await sender.Send(new GetUsers([decided.ApplicantId]), ct)).SingleOrDefault();
        if (applicant is not null)
        {
            await email.SendAsync(ApplicationDecidedMail.Compose(decided, applicant, site), ct);
        }
    }
}

/// <summary>The decision mail's wording, in French and in English.</summary>
internal static class ApplicationDecidedMail
{
    public static EmailMessage Compose(ApplicationDecided decided, UserSummary applicant, PublicSite site)
    {
        var language = applicant.PreferredLanguage;
        var outcome = decided.Status switch
        {
            ApplicationStatus.Admitted => MailTemplate.In(language, "Vous êtes admis·e", "You are admitted"),
            ApplicationStatus.Rejected => MailTemplate.In(language, "Votre candidature n'a pas été retenue", "Your application was not accepted"),
            _ => MailTemplate.In(language, "Vous êtes sur liste d'attente", "You are on the waitlist"),
        };
        var note = string.IsNullOrWhiteSpace(decided.Note) ? "" : $"\n\n« {decided.Note} »";
        return MailTemplate.Compose(applicant.Email, language, applicant.DisplayName, $"{decided.CohortTitle} : {outcome}",
            $"{outcome} — {decided.CohortTitle}.{note}\n\n" + MailTemplate.In(language, "Votre candidature :", "Your application:"),
            site.Link("/applications"), site);
    }
}
