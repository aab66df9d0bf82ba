using System.Globalization;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// Writes each message as an .eml file under the data directory's mail/ folder, the classic pickup-directory
/// delivery: open them with any mail client in development, or point an MTA at the folder in production.
/// </summary>
internal sealed class PickupDirectoryEmailSender(DatabaseSettings settings, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var folder = Path.Combine(settings.DataDirectory, "mail");
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var file = Path.Combine(folder, $"{now:yyyyMMddHHmmssfff}-{Guid.CreateVersion7():N}.eml");
        var eml = string.Create(CultureInfo.InvariantCulture,
            $"From: Spoc <no-reply@spoc.local>\r\nTo: {message.To}\r\nSubject: {message.Subject}\r\nDate: {now:R}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{message.Body}\r\n");
        await File.WriteAllTextAsync(file, eml, ct);
    }
}
