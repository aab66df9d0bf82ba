using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// "Prepare for your session": every <see cref="LiveSessionOptions.ReminderCheck"/> of the injected clock, the learners of a
/// session starting within <see cref="LiveSessionOptions.ReminderLead"/> whose preparation is not done are notified (kind
/// SessionReminder). Each (session, learner) reminder row is inserted in the same commit as its notification and is the
/// table's primary key: a second instance or a restart that tries again fails on it, rolls its notifications back with it,
/// and finds it sent at the next check. Exactly once; and each check runs on one instance only (ADR 0051).
/// </summary>
internal sealed class SessionReminders(
    IServiceScopeFactory scopes, IOptions<LiveSessionOptions> options, LeaseHolder holder, IOptions<SchedulingOptions> scheduling, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<SessionReminders> logger)
    : ScheduledJob<CommunityDbContext>(scopes, holder, scheduling, clock, lifetime, logger)
{
    protected override string Job => "Community.SessionReminders";

    protected override TimeSpan Period => options.Value.ReminderCheck;

    protected override Task RunAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>One check: the reminders now due, each session in its own commit. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var horizon = now + options.Value.ReminderLead;
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var due = await db.LiveSessions.AsNoTracking().Include(s => s.Preparations)
            .Where(s => s.CancelledAt == null && s.StartsAt > now && s.StartsAt <= horizon && s.Preparations.Any())
            .OrderBy(s => s.StartsAt).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var session in due)
        {
            var activities = session.Preparations.Select(p => p.ActivityId).ToList();
            var learners = (await sender.Send(new GetCohortPeople(session.CohortId), ct)).LearnersOf(session);
            var reminded = await db.SessionReminders.AsNoTracking().Where(r => r.SessionId == session.Id).Select(r => r.UserId).ToListAsync(ct);
            var done = (await sender.Send(new GetCompletions(session.CohortId, activities), ct)).ToLookup(c => c.UserId, c => c.ActivityId);
            var unready = learners.Except(reminded).Where(l => activities.Except(done[l]).Any()).ToList();
            if (unready.Count == 0)
            {
                continue;
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById((await sender.Send(new GetCohortLearners(session.CohortId), ct))?.TimeZone ?? "UTC");
            var when = TimeZoneInfo.ConvertTime(session.StartsAt, zone);
            db.SessionReminders.AddRange(unready.Select(l => new SessionReminder { SessionId = session.Id, UserId = l, SentAt = now }));
            await notifier.AddAsync(NotificationKind.SessionReminder, unready, user => new Composed(
                MailTemplate.In(user.PreferredLanguage, $"Préparez votre séance : {session.Title}, le {when:dd/MM/yyyy HH:mm}", $"Prepare for your session: {session.Title}, {when:yyyy-MM-dd HH:mm}"),
                MailTemplate.In(user.PreferredLanguage, "Des activités de préparation restent à faire avant la séance.", "Some preparation activities are still to do before the session."),
                $"/sessions/{session.Id}"), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                sent += unready.Count;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another instance reminded one of them first: this commit is void, the next check starts from what it sent.
                db.ChangeTracker.Clear();
                Logger.LogInformation("Reminders of session {SessionId} were sent concurrently; retrying at the next check", session.Id);
            }
        }

        await notifier.DeliveredAsync(ct);
        return sent;
    }
}
