using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.Modules.Community.Notifications;

/// <summary>
/// Once a day (at <see cref="NotificationOptions.DigestAt"/>, UTC) each person who chose a digest gets one mail listing
/// what queued for it before then. It checks every quarter of an hour of the injected clock and catches up after a
/// downtime; the digest mail joins the email outbox in the same commit as its notifications leave the queue, and one
/// person's digest of a day is unique in the database, so two instances never send two; and each check runs on one
/// instance only (ADR 0051).
/// </summary>
internal sealed class DailyDigest(
    IServiceScopeFactory scopes, EmailSignal signal, IOptions<NotificationOptions> options, LeaseHolder holder, IOptions<SchedulingOptions> scheduling,
    TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<DailyDigest> logger)
    : ScheduledJob<CommunityDbContext>(scopes, holder, scheduling, clock, lifetime, logger)
{
    protected override string Job => "Community.DailyDigest";

    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override bool Enabled => options.Value.SendEmails;

    protected override Task RunAsync(CancellationToken ct) => SendDigestsAsync(ct);

    private async Task SendDigestsAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var day = now.TimeOfDay >= options.Value.DigestAt.ToTimeSpan() ? today : today.AddDays(-1);
        var cutoff = new DateTimeOffset(day.ToDateTime(options.Value.DigestAt), TimeSpan.Zero);

        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var people = await db.Notifications.AsNoTracking().Where(n => n.AwaitsDigest && n.CreatedAt < cutoff)
            .Select(n => n.UserId).Distinct().Take(200).ToListAsync(ct);
        if (people.Count == 0)
        {
            return;
        }

        var users = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetUsers(people), ct)).ToDictionary(u => u.Id);
        var site = scope.ServiceProvider.GetRequiredService<PublicSite>();
        var queued = await db.Notifications.Where(n => n.AwaitsDigest && n.CreatedAt < cutoff && people.Contains(n.UserId))
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        foreach (var (userId, items) in queued.GroupBy(n => n.UserId).Select(g => (g.Key, g.ToList())))
        {
            foreach (var item in items)
            {
                item.AwaitsDigest = false;
            }

            if (users.GetValueOrDefault(userId) is not { } user)
            {
                continue; // the account is gone: nothing to send
            }

            var mail = Compose(user, day, items, site);
            db.NotificationEmails.Add(new NotificationEmail
            {
                UserId = userId, To = user.Email, Subject = mail.Subject, Body = mail.Body, CreatedAt = now, DueAt = now, DigestOf = day,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
            signal.Wake();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another instance wrote today's digest of one of these people first: the next check starts again from what is left.
            Logger.LogInformation("A daily digest was written concurrently; retrying at the next check");
        }
    }

    private static EmailMessage Compose(UserSummary user, DateOnly day, List<Notification> items, PublicSite site)
    {
        var language = user.PreferredLanguage;
        var lines = string.Join("\n", items.Select(n => $"- {n.Title}{(n.Summary is null ? "" : $" — {n.Summary}")}\n  {site.Link(n.Link)}"));
        return MailTemplate.Compose(user.Email, language, user.DisplayName,
            MailTemplate.In(language, $"Votre résumé du {day:dd/MM/yyyy} : {items.Count} notification(s)", $"Your digest of {day:yyyy-MM-dd}: {items.Count} notification(s)"),
            MailTemplate.In(language, "Depuis votre dernier résumé :", "Since your last digest:") + "\n\n" + lines,
            site.Link("/notifications"), site);
    }
}
