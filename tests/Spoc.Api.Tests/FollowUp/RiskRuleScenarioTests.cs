using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>
/// Each default risk rule fired by what learners and staff really do through the API, the events reaching the follow-up,
/// and the sweep for what only time changes; each level says why, with the learner's figure and the rule's threshold.
/// </summary>
public sealed class RiskRuleScenarioTests
{
    [Test]
    public async Task Behind_schedule_counts_the_activities_due_on_the_learners_own_schedule_and_not_done()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 2);
        var activities = await w.ActivitiesAsync(3, dueOffsetDays: 1); // due six days ago
        foreach (var id in activities)
        {
            await w.CompleteAsync(0, id);
        }

        await w.SweepAsync(); // the activities fell due: only time (and the sweep) says so
        var behind = await w.SignalsAsync(1);
        (behind!.ActivitiesDone, behind.ActivitiesExpected, behind.ActivitiesTotal).Should().Be((0, 3, 3));
        behind.Level.Should().Be(RiskLevel.AtRisk);
        FollowUpWorld.Reasons(behind).Should().Equal("BehindSchedule:AtRisk:3/3");
        var ahead = await w.EventuallyAsync(0, s => s.ActivitiesDone == 3, "learner 0's completions arrived");
        (ahead.ActivitiesExpected, ahead.Level).Should().Be((3, RiskLevel.OnTrack));

        // An activity done moves the standing as the event arrives, without a sweep.
        await w.CompleteAsync(1, activities[0]);
        var caughtUp = await w.EventuallyAsync(1, s => s.ActivitiesDone == 1, "the completion arrived");
        caughtUp.Level.Should().Be(RiskLevel.Watch);
        FollowUpWorld.Reasons(caughtUp).Should().Equal("BehindSchedule:Watch:2/2");
        var row = await w.RowAsync(1);
        row["signals"]!["behindBy"]!.GetValue<int>().Should().Be(2);
        row["level"]!.GetValue<string>().Should().Be("Watch");

        // Their own schedule: a week more for everything, and nothing is due yet.
        (await w.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{w.CohortId}/members/{w.LearnerId(1)}/pacing", new { shifts = new[] { new { days = 7 } } }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var shifted = await w.EventuallyAsync(1, s => s.ActivitiesExpected == 0, "the pacing change arrived");
        (shifted.Level, shifted.Reasons.Count).Should().Be((RiskLevel.OnTrack, 0));
    }

    [Test]
    public async Task Missed_deadlines_come_with_time_and_late_work_replaces_them_when_it_is_handed_in()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 2);
        var first = await w.AssignmentAsync("Note de cadrage", TimeSpan.FromDays(1));
        var second = await w.AssignmentAsync("Planning", TimeSpan.FromDays(1));
        await w.SubmitAsync(0, first);
        await w.EventuallyAsync(0, s => s.LastActivityAt is not null, "the submission arrived");

        w.Clock.Advance(TimeSpan.FromDays(2));
        await w.SweepAsync();
        var missing = await w.SignalsAsync(1);
        (missing!.MissedDeadlines, missing.Level).Should().Be((2, RiskLevel.AtRisk));
        FollowUpWorld.Reasons(missing).Should().Equal("MissedDeadlines:AtRisk:2/2");
        var one = await w.SignalsAsync(0);
        FollowUpWorld.Reasons(one!).Should().Equal("MissedDeadlines:Watch:1/1");

        await w.SubmitAsync(1, first);
        await w.SubmitAsync(1, second);
        var late = await w.EventuallyAsync(1, s => s.LateSubmissions == 2 && s.MissedDeadlines == 0, "both late submissions arrived");
        late.Level.Should().Be(RiskLevel.Watch);
        FollowUpWorld.Reasons(late).Should().Equal("LateSubmissions:Watch:2/2");
    }

    [Test]
    public async Task Absences_at_live_sessions_count_and_a_corrected_sheet_replaces_the_older_status()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 3);
        var monday = await w.SessionAsync();
        var tuesday = await w.SessionAsync();
        await w.AttendanceAsync(monday, (0, "Present"), (1, "Absent"), (2, "Absent"));
        await w.AttendanceAsync(tuesday, (0, "Late"), (1, "Absent"), (2, "Excused"));

        var absent = await w.EventuallyAsync(1, s => s.Absences == 2, "both absences arrived");
        (absent.Level, absent.AttendanceRate).Should().Be((RiskLevel.AtRisk, 0m));
        FollowUpWorld.Reasons(absent).Should().Equal("Absences:AtRisk:2/2");
        var once = await w.EventuallyAsync(2, s => s.Absences == 1, "learner 2's attendance arrived");
        (once.Level, once.AttendanceRate).Should().Be((RiskLevel.Watch, 0m), "excused leaves a session out");
        var present = await w.EventuallyAsync(0, s => s.AttendanceRate == 100m, "learner 0's attendance arrived");
        (present.Level, present.LastActivityAt is not null).Should().Be((RiskLevel.OnTrack, true), "attending is their own activity");

        w.Clock.Advance(TimeSpan.FromMinutes(5)); // they came in late: the sheet is corrected a little later
        await w.AttendanceAsync(tuesday, (1, "Present"));
        var corrected = await w.EventuallyAsync(1, s => s.Absences == 1, "the correction arrived");
        (corrected.Level, corrected.AttendanceRate).Should().Be((RiskLevel.Watch, 50m));

        // The sweep reconciles with Community's own counts: the same figures.
        await w.SweepAsync();
        var swept = await w.SignalsAsync(1);
        (swept!.Absences, swept.AttendanceRate, swept.Level).Should().Be((1, 50m, RiskLevel.Watch));
    }

    [Test]
    public async Task Days_without_activity_and_without_contact_grow_with_time_until_the_learner_acts_and_their_mentor_writes()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 2);
        var thread = await FollowUpWorld.PostAsync(w.Trainer, $"/api/v1/cohorts/{w.CohortId}/threads", new { title = "Bienvenue", body = "Présentez-vous" });

        w.Clock.Advance(TimeSpan.FromDays(8));
        await w.SweepAsync();
        FollowUpWorld.Reasons((await w.SignalsAsync(1))!).Should().Equal("DaysInactive:Watch:8/7");

        w.Clock.Advance(TimeSpan.FromDays(14));
        await w.SweepAsync();
        var idle = await w.SignalsAsync(1);
        idle!.Level.Should().Be(RiskLevel.AtRisk);
        FollowUpWorld.Reasons(idle).Should().Equal("DaysInactive:AtRisk:22/14", "DaysWithoutContact:Watch:22/21");

        // Learner 0 posts: active again; only their own posts count (the trainer's thread is nobody's participation).
        await FollowUpWorld.PostAsync(w.Learner(0), $"/api/v1/threads/{thread["id"]}/posts", new { body = "Bonjour à tous" });
        var posted = await w.EventuallyAsync(0, s => s.ForumPosts == 1, "the post arrived");
        FollowUpWorld.Reasons(posted).Should().Equal("DaysWithoutContact:Watch:22/21");
        (await w.SignalsAsync(1))!.ForumPosts.Should().Be(0);
        await using (var scope = w.Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Signals.AnyAsync(s => s.LearnerId == w.TrainerId))
                .Should().BeFalse("a trainer's post is no learner's fact");
        }

        // Their mentor writes to them: a contact.
        var conversation = await FollowUpWorld.PostAsync(w.Mentor, $"/api/v1/cohorts/{w.CohortId}/conversations", new { learnerId = w.LearnerId(0) });
        await FollowUpWorld.PostAsync(w.Mentor, $"/api/v1/conversations/{conversation["id"]}/messages", new { body = "Comment ça va ?" });
        var contacted = await w.EventuallyAsync(0, s => s.LastContactAt is not null, "the message arrived");
        (contacted.Level, contacted.LastContactAt).Should().Be((RiskLevel.OnTrack, w.Clock.GetUtcNow()));
        var row = await w.RowAsync(0);
        (row["signals"]!["daysWithoutContact"]!.GetValue<int>(), row["signals"]!["forumPosts"]!.GetValue<int>()).Should().Be((0, 1));
    }

    [Test]
    public async Task A_low_mean_grade_is_flagged_in_percent_of_each_assignments_maximum_with_its_trend()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 1);
        var submissions = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            submissions.Add(await w.SubmitAsync(0, await w.AssignmentAsync($"Devoir {i}", TimeSpan.FromDays(7))));
        }

        await w.ReleaseGradeAsync(submissions[0], 9m); // 45 %
        var low = await w.EventuallyAsync(0, s => s.AverageGrade is not null, "the grade arrived");
        (low.AverageGrade, low.Level).Should().Be((45m, RiskLevel.AtRisk));
        FollowUpWorld.Reasons(low).Should().Equal("GradeBelow:AtRisk:45/50");

        await w.ReleaseGradeAsync(submissions[1], 11m); // 55 %: a mean of 50
        FollowUpWorld.Reasons(await w.EventuallyAsync(0, s => s.AverageGrade == 50m, "the second grade arrived")).Should().Equal("GradeBelow:Watch:50/60");

        await w.ReleaseGradeAsync(submissions[2], 20m);
        await w.ReleaseGradeAsync(submissions[3], 20m);
        var better = await w.EventuallyAsync(0, s => s.AverageGrade == 75m, "all four grades arrived");
        (better.Level, better.GradeTrend).Should().Be((RiskLevel.OnTrack, 40m), "the last three (85) against the one before (45)");
    }
}
