namespace Spoc.SharedKernel.Email;

/// <summary>
/// A plain-text mail to one person. Subject and body are data: the sender builds the MIME message, so no value
/// (a cohort title, a name) can add a header.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Outgoing mail. Called from integration event handlers, so a failure is retried by the outbox.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
