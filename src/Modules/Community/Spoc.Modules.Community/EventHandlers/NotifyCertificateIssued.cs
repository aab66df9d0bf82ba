using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Community.EventHandlers;

/// <summary>An issued certificate reaches its holder (kind CertificateIssued), with a link to their certificates.</summary>
internal sealed class NotifyCertificateIssued(CommunityDbContext db, TimeProvider clock, Notifier notifier) : NotifyingHandler<CertificateIssued>(db, clock, notifier)
{
    protected override Task HandleOnceAsync(CertificateIssued issued, CancellationToken ct) =>
        Notifier.AddAsync(NotificationKind.CertificateIssued, [issued.HolderId], user => new Composed(
            MailTemplate.In(user.PreferredLanguage, $"Votre certificat est délivré : {issued.CourseTitle}", $"Your certificate has been issued: {issued.CourseTitle}"),
            null, "/me/certificates"), ct);
}
