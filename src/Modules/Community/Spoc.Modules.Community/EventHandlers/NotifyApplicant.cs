using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Community.EventHandlers;

/// <summary>The applicant hears of every decision on their application, waitlist promotions included, as they chose (kind Admission).</summary>
internal sealed class NotifyApplicant(CommunityDbContext db, TimeProvider clock, Notifier notifier) : NotifyingHandler<ApplicationDecided>(db, clock, notifier)
{
    protected override Task HandleOnceAsync(ApplicationDecided decided, CancellationToken ct) =>
        Notifier.AddAsync(NotificationKind.Admission, [decided.ApplicantId], user =>
        {
            var language = user.PreferredLanguage;
            var outcome = decided.Status switch
            {
                ApplicationStatus.Admitted => MailTemplate.In(language, "Vous êtes admis·e", "You are admitted"),
                ApplicationStatus.Rejected => MailTemplate.In(language, "Votre candidature n'a pas été retenue", "Your application was not accepted"),
                _ => MailTemplate.In(language, "Vous êtes sur liste d'attente", "You are on the waitlist"),
            };
            return new Composed($"{decided.CohortTitle} : {outcome}", string.IsNullOrWhiteSpace(decided.Note) ? null : $"« {decided.Note} »", "/applications");
        }, ct);
}
