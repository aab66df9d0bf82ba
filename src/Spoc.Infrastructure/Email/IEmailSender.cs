namespace Spoc.SharedKernel.Email;

/// <summary>
/// A plain-text mail to one person. Subject and body are data: the sender builds the MIME message, so no value
/// (a cohort title, a name) can add a header. <paramref name="Id"/>, when given, is the mail's identity: its Message-Id,
/// and the pickup folder's file name, so sending it again after a crash delivers nothing new (docs/adr/0024).
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Body, Guid? Id = null);

/// <summary>Outgoing mail. Called from integration event handlers, so a failure is retried by the outbox.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
