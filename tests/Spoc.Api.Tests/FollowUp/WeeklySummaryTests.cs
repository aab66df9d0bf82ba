using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Summary;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>The mentors' weekly summary: each mentor their learners who need attention and why, trainers the unmentored ones, once a week.</summary>
public sealed class WeeklySummaryTests
{
    private static async Task<List<NotificationEmail>> SummariesAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var users = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.FollowUpSummary).Select(n => n.UserId).ToListAsync();
        return await db.NotificationEmails.AsNoTracking().Where(e => users.Contains(e.UserId)).OrderBy(e => e.CreatedAt).ToListAsync();
    }

    /// <summary>
    /// A learner's level and reasons set straight on the signals row the projection made for them (its rules are the
    /// signals tests' business): the sweep is off in these tests and no event is left to recompute the row.
    /// </summary>
    private static async Task SignalsAsync(SpocApiFactory factory, Guid cohortId, Guid learnerId, Guid? mentorId, RiskLevel level, params RiskReason[] reasons)
    {
        await TestApi.EventuallyAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            // The enrolment's own fact, not just a row: a mentor's assignment may have made the row before the enrolment arrived.
            return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().LearnerEvents
                .AnyAsync(e => e.CohortId == cohortId && e.LearnerId == learnerId && e.Kind == LearnerEventKind.Enrolled);
        }, "the learner's enrolment reached the follow-up");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var row = await db.Signals.SingleAsync(s => s.CohortId == cohortId && s.LearnerId == learnerId);
        (row.MentorId, row.Level, row.Reasons) = (mentorId, level, [.. reasons]);
        await db.SaveChangesAsync();
    }

    private static RiskReason Reason(RiskRuleKind rule, RiskLevel level, decimal value, decimal threshold) => new() { Rule = rule, Level = level, Value = value, Threshold = threshold };

    [Test]
    public async Task Each_mentor_gets_their_learners_needing_attention_once_a_week_and_trainers_get_the_unmentored_ones()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["FollowUp:SweepEnabled"] = "false" }) { Clock = clock };
        var w = await AssessmentWorld.CreateAsync(factory, learners: 5);
        var mentorA = TestApi.UserIdOf(w.Mentor.DefaultRequestHeaders.Authorization!.Parameter!);
        var (_, mentorB, _) = await factory.NewUserAsync("mentor-b");

        // Next Monday 06:59 UTC (the default day and time), before the rows exist, so no earlier check of the job can see them.
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        clock.SetUtcNow(new DateTimeOffset(today.AddDays(days == 0 ? 7 : days).AddHours(7).AddMinutes(-1), TimeSpan.Zero));
        var l = w.Learners.Select(x => x.Id).ToList();
        await TestApi.EventuallyAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Signals.AnyAsync(s => s.LearnerId == l[0] && s.MentorId == mentorA);
        }, "the first learner's mentor reached the follow-up");
        // Every other learner's events too: one handled after the rows below are set would recompute them (a CI flake).
        await factory.OutboxDispatchedAsync();
        await SignalsAsync(factory, w.CohortId, l[0], mentorA, RiskLevel.AtRisk,
            Reason(RiskRuleKind.BehindSchedule, RiskLevel.AtRisk, 3, 3), Reason(RiskRuleKind.DaysWithoutContact, RiskLevel.Watch, 22, 21));
        await SignalsAsync(factory, w.CohortId, l[1], mentorA, RiskLevel.Watch, Reason(RiskRuleKind.MissedDeadlines, RiskLevel.Watch, 1, 1));
        await SignalsAsync(factory, w.CohortId, l[2], mentorA, RiskLevel.OnTrack);
        await SignalsAsync(factory, w.CohortId, l[3], mentorB, RiskLevel.OnTrack);
        await SignalsAsync(factory, w.CohortId, l[4], null, RiskLevel.AtRisk, Reason(RiskRuleKind.GradeBelow, RiskLevel.AtRisk, 41, 50));

        // Not yet.
        var summary = factory.Services.GetRequiredService<WeeklySummary>();
        (await summary.SendDueAsync(CancellationToken.None)).Should().Be(0);
        (await SummariesAsync(factory)).Should().BeEmpty();

        // Past 07:00: the job's next check sends them.
        clock.Advance(TimeSpan.FromMinutes(2));
        await TestApi.EventuallyAsync(async () =>
        {
            clock.Advance(TimeSpan.FromMinutes(1)); // whenever the job armed its next check, it comes
            return (await SummariesAsync(factory)).Count == 2;
        }, "the background check wrote mentor A's and the trainer's summaries");

        var mails = await SummariesAsync(factory);
        mails.Select(m => m.UserId).Should().BeEquivalentTo([mentorA, w.World.TrainerId], "mentor B's learner is on track: no mail for them");
        var toMentor = mails.Single(m => m.UserId == mentorA);
        toMentor.Subject.Should().Contain("Cohorte évaluée").And.Contain("2 apprenant(s)").And.Contain("dont 1 en risque");
        toMentor.Body.Should().Contain("(en risque) : 3 activité(s) de retard (seuil : 3) ; aucun contact depuis 22 jours (seuil : 21)")
            .And.Contain("(à surveiller) : 1 échéance(s) manquée(s) (seuil : 1)")
            .And.Contain($"/cohorts/{w.CohortId}/follow-up")
            .And.NotContain("moyenne");
        toMentor.Body.IndexOf("en risque", StringComparison.Ordinal).Should().BeLessThan(toMentor.Body.IndexOf("à surveiller", StringComparison.Ordinal), "at risk first");
        var toTrainer = mails.Single(m => m.UserId == w.World.TrainerId);
        toTrainer.Body.Should().Contain("moyenne 41 % (< 50 %)").And.NotContain("activité(s) de retard");

        // More checks, and another instance that never sent anything this week: nobody gets a second one.
        var other = ActivatorUtilities.CreateInstance<WeeklySummary>(factory.Services);
        var again = await Task.WhenAll(other.SendDueAsync(CancellationToken.None), summary.SendDueAsync(CancellationToken.None));
        again.Sum().Should().Be(0);
        clock.Advance(TimeSpan.FromDays(2));
        (await other.SendDueAsync(CancellationToken.None)).Should().Be(0);
        (await SummariesAsync(factory)).Should().HaveCount(2);

        // The next week, a new summary.
        clock.Advance(TimeSpan.FromDays(5));
        await other.SendDueAsync(CancellationToken.None); // the job's own check may write them first: either way, once
        (await SummariesAsync(factory)).Should().HaveCount(4);
    }

    [Test]
    public void A_summary_id_depends_on_its_recipient_cohort_and_week_only_and_reasons_read_in_the_recipients_language()
    {
        var (recipient, cohort) = (Guid.NewGuid(), Guid.NewGuid());
        WeeklySummary.SummaryId(recipient, cohort, (2026, 49)).Should().Be(WeeklySummary.SummaryId(recipient, cohort, (2026, 49)));
        new[] { WeeklySummary.SummaryId(recipient, cohort, (2026, 50)), WeeklySummary.SummaryId(cohort, recipient, (2026, 49)), WeeklySummary.SummaryId(recipient, cohort, (2026, 49)) }
            .Should().OnlyHaveUniqueItems();
        WeeklySummary.ReasonSentence(Reason(RiskRuleKind.Absences, RiskLevel.AtRisk, 2, 2), "en").Should().Be("absent 2 time(s) (threshold: 2)");
        WeeklySummary.ReasonSentence(Reason(RiskRuleKind.GradeBelow, RiskLevel.Watch, 55.5m, 60), "fr").Should().Be("moyenne 55,5 % (< 60 %)");
    }
}
