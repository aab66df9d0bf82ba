namespace Spoc.SharedKernel.Email;

public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Outgoing mail. Called from integration event handlers, so a failure is retried by the outbox.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
