using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MimeKit;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Api.Infrastructure;

internal static class EmailRegistration
{
    public static IServiceCollection AddSpocEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Email").Get<EmailSettings>() ?? new EmailSettings();
        services.AddSingleton(settings);
        services.AddSingleton(sp => new PublicSite(() => configuration["Spoc:PublicUrl"] is { Length: > 0 } url ? url : LaunchUrl(sp)));
        return string.IsNullOrWhiteSpace(settings.Smtp.Host)
            ? services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>()
            : services.AddSingleton<IEmailSender, SmtpEmailSender>();
    }

    /// <summary>The first address Kestrel listens on, with a wildcard host read as localhost (development and demos).</summary>
    private static string LaunchUrl(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is null
            ? "http://localhost:5080"
            : System.Text.RegularExpressions.Regex.Replace(address, @"://(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "://localhost");
    }
}

/// <summary>
/// The <c>Email</c> section. <c>Email:Smtp:Host</c> set sends through that relay; otherwise each mail is written to the
/// pickup folder. Put <c>Email:Smtp:Password</c> in user secrets or the environment, never in a file of the repository.
/// </summary>
internal sealed class EmailSettings
{
    public string From { get; set; } = "Spoc <no-reply@spoc.local>";
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>
    /// MimeKit encodes every header; a subject is one line by nature, so control characters from data (a title holding
    /// "\r\nBcc: ...") become spaces before they reach it.
    /// </summary>
    public MimeMessage Build(EmailMessage message, DateTimeOffset now)
    {
        var mime = new MimeMessage
        {
            Subject = new string(message.Subject.Select(c => char.IsControl(c) ? ' ' : c).ToArray()),
            Date = now,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body },
        };
        var from = MailboxAddress.Parse(From);
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.Id is { } id)
        {
            mime.MessageId = $"{id:N}@{from.Domain}";
        }

        return mime;
    }
}

internal sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>True (the default) requires STARTTLS; false lets MailKit pick (TLS on port 465, STARTTLS when offered).</summary>
    public bool UseStartTls { get; set; } = true;
}

/// <summary>
/// Writes each message as an .eml file under the data directory's mail/ folder, the classic pickup-directory
/// delivery: open them with any mail client in development, or point an MTA at the folder in production.
/// A message with an id is one file named after it, written aside then moved in without overwriting: sending it again
/// (a retry after a crash between delivery and bookkeeping) finds it there and adds nothing.
/// </summary>
internal sealed class PickupDirectoryEmailSender(DatabaseSettings database, EmailSettings settings, TimeProvider clock, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var folder = Path.Combine(database.DataDirectory, "mail");
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        if (message.Id is not { } id)
        {
            await settings.Build(message, now).WriteToAsync(Path.Combine(folder, $"{now:yyyyMMddHHmmssfff}-{Guid.CreateVersion7():N}.eml"), ct);
            return;
        }

        var file = Path.Combine(folder, $"{id:N}.eml");
        if (File.Exists(file))
        {
            Repeated(id);
            return;
        }

        var aside = Path.Combine(folder, $".{id:N}.{Guid.NewGuid():N}.tmp");
        await settings.Build(message, now).WriteToAsync(aside, ct);
        try
        {
            File.Move(aside, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(aside); // another sender of the same mail got there first
            Repeated(id);
        }
    }

    /// <summary>A mail sent again (a retry after a crash, two senders): dropped, and said, so that it can be counted.</summary>
    private void Repeated(Guid id) => logger.LogInformation("Mail {MailId} was already written to the pickup folder; not written again", id);
}

/// <summary>Sends through the configured SMTP relay, one connection per message (mail is rare and retried by the outbox).</summary>
internal sealed class SmtpEmailSender(EmailSettings settings, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = settings.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }

        await client.SendAsync(settings.Build(message, clock.GetUtcNow()), ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
