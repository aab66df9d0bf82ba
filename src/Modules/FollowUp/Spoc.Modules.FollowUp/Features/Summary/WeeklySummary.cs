using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.Modules.FollowUp.Features.Summary;

/// <summary>The <c>FollowUp:WeeklySummary</c> section: when the mentors' weekly summary goes out (UTC).</summary>
internal sealed class WeeklySummaryOptions
{
    public bool Enabled { get; set; } = true;
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    public TimeOnly At { get; set; } = new(7, 0);
}

/// <summary>
/// Once a week (<see cref="WeeklySummaryOptions"/>), each mentor of a running cohort gets the list of their learners to
/// watch or at risk, with the reasons and a link to the dashboard; learners without a mentor go to the cohort's trainers.
/// It checks every quarter of an hour of the injected clock, so a downtime over the due time is caught up at the next
/// check of the same ISO week. Exactly once per (recipient, cohort, ISO week): the summary's id is derived from those
/// three, and Community writes a given id once, in the commit of its notification (a rerun after a crash, or a second
/// instance, finds it written); each check runs on one instance only (ADR 0051). A mentor whose learners are all on track gets nothing.
/// </summary>
internal sealed class WeeklySummary(
    IServiceScopeFactory scopes, IOptions<WeeklySummaryOptions> options, LeaseHolder holder, IOptions<SchedulingOptions> scheduling, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<WeeklySummary> logger)
    : ScheduledJob<FollowUpDbContext>(scopes, holder, scheduling, clock, lifetime, logger)
{
    /// <summary>The ISO week whose summaries all went from this instance: its later checks skip the work (a restart redoes it, harmlessly).</summary>
    private (int Year, int Week)? _sent;

    protected override string Job => "FollowUp.WeeklySummary";

    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override bool Enabled => options.Value.Enabled;

    protected override Task RunAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>One check: once this ISO week's due time has passed, every summary of the week not yet written. Returns how many this call wrote.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var week = (Year: ISOWeek.GetYear(now.UtcDateTime), Week: ISOWeek.GetWeekOfYear(now.UtcDateTime));
        var due = new DateTimeOffset(DateOnly.FromDateTime(ISOWeek.ToDateTime(week.Year, week.Week, options.Value.Day)).ToDateTime(options.Value.At), TimeSpan.Zero);
        if (now < due || _sent == week)
        {
            return 0;
        }

        List<Guid> cohorts;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            cohorts = await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Signals.AsNoTracking()
                .Where(s => s.Active && s.Level != RiskLevel.OnTrack).Select(s => s.CohortId).Distinct().ToListAsync(ct);
        }

        var written = 0;
        foreach (var cohortId in cohorts)
        {
            written += await SendCohortAsync(cohortId, today, week, ct);
        }

        _sent = week;
        return written;
    }

    /// <summary>One cohort's summaries, in its own scope: a handful of queries for the cohort, then one request per recipient.</summary>
    private async Task<int> SendCohortAsync(Guid cohortId, DateOnly today, (int Year, int Week) week, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        if (await sender.Send(new GetCohortCertificationFacts(cohortId), ct) is not { } cohort || today < cohort.StartsOn || today > cohort.EndsOn)
        {
            return 0; // not running: nobody follows its learners up this week
        }

        var learners = await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Signals.AsNoTracking()
            .Where(s => s.CohortId == cohortId && s.Active && s.Level != RiskLevel.OnTrack).ToListAsync(ct);
        var trainers = learners.Any(l => l.MentorId is null)
            ? (await sender.Send(new GetCohortPeople(cohortId), ct)).Members.Where(m => m.Role == CohortRole.Trainer).Select(m => m.UserId).ToList()
            : [];
        var byRecipient = learners
            .SelectMany(l => l.MentorId is { } mentor ? [(Recipient: mentor, Learner: l)] : trainers.Select(t => (Recipient: t, Learner: l)))
            .GroupBy(x => x.Recipient, x => x.Learner).ToList();
        var users = (await sender.Send(new GetUsers([.. learners.Select(l => l.LearnerId).Concat(byRecipient.Select(r => r.Key))]), ct)).ToDictionary(u => u.Id);

        var written = 0;
        foreach (var group in byRecipient)
        {
            if (users.GetValueOrDefault(group.Key) is not { } recipient)
            {
                continue; // the account is gone
            }

            var lines = group.OrderByDescending(l => l.Level).ThenBy(l => users.GetValueOrDefault(l.LearnerId)?.DisplayName)
                .Select(l => new FollowUpSummaryLine(
                    l.LearnerId, users.GetValueOrDefault(l.LearnerId)?.DisplayName ?? "", l.Level == RiskLevel.AtRisk,
                    [.. l.Reasons.Select(r => ReasonSentence(r, recipient.PreferredLanguage))]))
                .ToList();
            if (await sender.Send(new SendFollowUpSummary(SummaryId(group.Key, cohortId, week), group.Key, cohortId, cohort.Title, lines), ct))
            {
                written++;
            }
        }

        return written;
    }

    /// <summary>The same id for the same recipient, cohort and ISO week, on every instance and after any restart (a name-based UUID, as v5 builds them).</summary>
    internal static Guid SummaryId(Guid recipientId, Guid cohortId, (int Year, int Week) week)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"spoc:follow-up-summary:{recipientId:N}:{cohortId:N}:{week.Year}-W{week.Week:00}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>A reason as the web app words it ("3 activités de retard (seuil : 3)"), in the recipient's language.</summary>
    internal static string ReasonSentence(RiskReason reason, string language)
    {
        var fr = MailTemplate.In(language, true, false);
        var culture = CultureInfo.GetCultureInfo(fr ? "fr-FR" : "en-GB");
        string N(decimal value) => value.ToString("0.##", culture);
        var (value, threshold) = (N(reason.Value), N(reason.Threshold));
        return reason.Rule switch
        {
            RiskRuleKind.BehindSchedule => fr ? $"{value} activité(s) de retard (seuil : {threshold})" : $"behind by {value} activities (threshold: {threshold})",
            RiskRuleKind.MissedDeadlines => fr ? $"{value} échéance(s) manquée(s) (seuil : {threshold})" : $"{value} missed deadline(s) (threshold: {threshold})",
            RiskRuleKind.LateSubmissions => fr ? $"{value} rendu(s) en retard (seuil : {threshold})" : $"{value} late submission(s) (threshold: {threshold})",
            RiskRuleKind.Absences => fr ? $"absent {value} fois (seuil : {threshold})" : $"absent {value} time(s) (threshold: {threshold})",
            RiskRuleKind.DaysInactive => fr ? $"inactif depuis {value} jours (seuil : {threshold})" : $"inactive for {value} days (threshold: {threshold})",
            RiskRuleKind.DaysWithoutContact => fr ? $"aucun contact depuis {value} jours (seuil : {threshold})" : $"no contact for {value} days (threshold: {threshold})",
            RiskRuleKind.GradeBelow => fr ? $"moyenne {value} % (< {threshold} %)" : $"average {value}% (< {threshold}%)",
            _ => $"{reason.Rule}: {value} ({threshold})",
        };
    }
}
