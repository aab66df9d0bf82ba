using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Courses;

public sealed class ScheduleAndProgressTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Release_and_due_dates_follow_the_cohort_time_zone_across_the_daylight_saving_change()
    {
        var (courseId, activities) = await PublishedCourseAsync(("Avant", 0, null), ("Veille du changement", 6, null), ("Après le changement", 7, 7));
        // Next year's last Sunday of March: Paris switches from UTC+1 to UTC+2 at 02:00 that day. The cohort starts
        // six days before, so offset 6 is released on the switch day (still +1 at midnight) and offset 7 the day after (+2).
        var year = DateTime.UtcNow.Year + 1;
        var switchDay = new DateOnly(year, 3, 31);
        while (switchDay.DayOfWeek != DayOfWeek.Sunday)
        {
            switchDay = switchDay.AddDays(-1);
        }

        var cohortId = await CohortAsync(courseId, switchDay.AddDays(-6));
        var (learner, _, email) = await _world.LearnerAsync();
        await EnrolAsync(cohortId, email);

        var schedule = await ScheduleAsync(learner, cohortId);

        static string Utc(DateOnly day, int hour, int minute = 0) => $"{day:yyyy-MM-dd}T{hour:00}:{minute:00}:00Z";
        Release(schedule, activities[0]).Should().Be(Utc(switchDay.AddDays(-7), 23));
        Release(schedule, activities[1]).Should().Be(Utc(switchDay.AddDays(-1), 23));
        Release(schedule, activities[2]).Should().Be(Utc(switchDay, 22));
        Item(schedule, activities[2])["dueAt"]!.GetValue<string>().Should().Be(Utc(switchDay.AddDays(1), 21, 59));
        Item(schedule, activities[0])["released"]!.GetValue<bool>().Should().BeFalse();
        Item(schedule, activities[0])["contentHtml"].Should().BeNull("unreleased content is withheld");
        Item(schedule, activities[0])["title"]!.GetValue<string>().Should().Be("Avant");
    }

    [Test]
    public async Task Personal_pacing_is_seen_by_that_learner_only()
    {
        var (courseId, activities) = await PublishedCourseAsync(("Lecture", 0, 7), ("Devoir", 7, 14));
        var cohortId = await CohortAsync(courseId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var (lucky, luckyId, luckyEmail) = await _world.LearnerAsync();
        var (other, _, otherEmail) = await _world.LearnerAsync();
        await EnrolAsync(cohortId, luckyEmail, otherEmail);
        var before = Due(await ScheduleAsync(lucky, cohortId), activities[1]);

        var pacing = await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/members/{luckyId}/pacing", new
        {
            shifts = new object[] { new { activityId = (Guid?)null, days = 7 }, new { activityId = (Guid?)activities[1], days = 2 } },
            extraResources = new[] { new { title = "Fiche de rattrapage", url = "https://spoc.example/fiche", content = "Relisez **le chapitre 2** <script>x()</script>" } },
        });
        pacing.StatusCode.Should().Be(HttpStatusCode.NoContent, await pacing.Content.ReadAsStringAsync());

        var mine = await ScheduleAsync(lucky, cohortId);
        Due(mine, activities[1]).Should().Be(before.AddDays(9), "the cohort-wide shift and the activity's own add up");
        (Item(mine, activities[0])["shiftDays"]!.GetValue<int>(), Item(mine, activities[1])["shiftDays"]!.GetValue<int>()).Should().Be((7, 9));
        mine["extraResources"]!.AsArray().Should().ContainSingle().Which!["contentHtml"]!.GetValue<string>().Should().Contain("<strong>le chapitre 2</strong>").And.NotContain("<script");

        var stored = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members/{luckyId}/pacing")).ReadJsonAsync();
        stored["shifts"]!.AsArray().Select(x => x!["days"]!.GetValue<int>()).Should().BeEquivalentTo([7, 2]);
        stored["extraResources"]![0]!["content"]!.GetValue<string>().Should().StartWith("Relisez **le chapitre 2**", "staff edit the Markdown they wrote, not its HTML");
        await (await other.GetAsync($"/api/v1/cohorts/{cohortId}/members/{luckyId}/pacing")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var theirs = await ScheduleAsync(other, cohortId);
        Due(theirs, activities[1]).Should().Be(before);
        theirs["extraResources"]!.AsArray().Should().BeEmpty();
        var staffView = await ScheduleAsync(_world.Trainer, cohortId, $"?userId={luckyId}");
        Due(staffView, activities[1]).Should().Be(before.AddDays(9));
        await (await other.GetAsync($"/api/v1/cohorts/{cohortId}/schedule?userId={luckyId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/members/{luckyId}/pacing", new { shifts = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task The_same_activity_marked_done_eight_times_at_once_is_one_completion_and_one_answer()
    {
        var (courseId, activities) = await PublishedCourseAsync(("Leçon 1", 0, null));
        var cohortId = await CohortAsync(courseId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var (learner, learnerId, email) = await _world.LearnerAsync();
        await EnrolAsync(cohortId, email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => learner.PostAsync($"/api/v1/cohorts/{cohortId}/activities/{activities[0]}/completion", null)));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK, "the clicks that lost the race answer with the winner's completion");
        var completedAt = await Task.WhenAll(answers.Select(async a => (await a.ReadJsonAsync())["completedAt"]!.GetValue<string>()));
        completedAt.Distinct().Should().ContainSingle();
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Spoc.Modules.Courses.Contracts.GetCompletions(cohortId, [activities[0]])))
            .Should().ContainSingle().Which.UserId.Should().Be(learnerId);
    }

    [Test]
    public async Task Marking_done_is_idempotent_and_the_matrix_shows_it_withdrawn_learners_included()
    {
        var (courseId, activities) = await PublishedCourseAsync(("Leçon 1", 0, null), ("Leçon 2", 0, null), ("Plus tard", 60, null));
        var cohortId = await CohortAsync(courseId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var (learner, learnerId, email) = await _world.LearnerAsync();
        var (leaver, leaverId, leaverEmail) = await _world.LearnerAsync();
        await EnrolAsync(cohortId, email, leaverEmail);

        var first = await (await learner.PostAsync($"/api/v1/cohorts/{cohortId}/activities/{activities[0]}/completion", null)).ReadJsonAsync();
        var again = await learner.PostAsync($"/api/v1/cohorts/{cohortId}/activities/{activities[0]}/completion", null);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.ReadJsonAsync())["completedAt"]!.GetValue<string>().Should().Be(first["completedAt"]!.GetValue<string>());
        await (await learner.PostAsync($"/api/v1/cohorts/{cohortId}/activities/{activities[2]}/completion", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity-not-released");
        await (await _world.Trainer.PostAsync($"/api/v1/cohorts/{cohortId}/activities/{activities[0]}/completion", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await leaver.PostAsync($"/api/v1/cohorts/{cohortId}/activities/{activities[1]}/completion", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await leaver.DeleteAsync($"/api/v1/cohorts/{cohortId}/members/{leaverId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        JsonObject matrix = null!;
        await TestApi.EventuallyAsync(async () =>
        {
            matrix = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/progress")).ReadJsonAsync();
            return matrix["learners"]!.AsArray().Any(l => l!["withdrawn"]!.GetValue<bool>());
        }, "the leaver is marked withdrawn");
        var row = matrix["learners"]!.AsArray().Single(l => l!["userId"]!.GetValue<Guid>() == learnerId)!;
        row["completionPercent"]!.GetValue<int>().Should().Be(33);
        matrix["activities"]![0]!["sectionTitle"]!.GetValue<string>().Should().Be("Semaine 1");
        // Compact cells: the index of each done activity in "activities", and when in Unix seconds (no id, no ISO text per cell).
        row["done"]!.AsArray().Select(i => i!.GetValue<int>()).Should().Equal(0);
        row["doneAt"]!.AsArray().Select(t => t!.GetValue<long>()).Should().Equal(DateTimeOffset.Parse(first["completedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        row.AsObject().ContainsKey("completed").Should().BeFalse();
        var leaverRow = matrix["learners"]!.AsArray().Single(l => l!["userId"]!.GetValue<Guid>() == leaverId)!;
        leaverRow["done"]!.AsArray().Select(i => i!.GetValue<int>()).Should().Equal(1);
        leaverRow["doneAt"]!.AsArray().Should().ContainSingle();

        // What Community will ask before a live session: who completed the preparation activities.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var completions = await scope.ServiceProvider.GetRequiredService<Mediator.ISender>()
                .Send(new Spoc.Modules.Courses.Contracts.GetCompletions(cohortId, [activities[0], activities[1]]));
            completions.Select(c => (c.UserId, c.ActivityId)).Should().BeEquivalentTo([(learnerId, activities[0]), (leaverId, activities[1])]);
        }

        var own = await (await learner.GetAsync($"/api/v1/cohorts/{cohortId}/progress")).ReadJsonAsync();
        own["learners"]!.AsArray().Should().ContainSingle().Which!["userId"]!.GetValue<Guid>().Should().Be(learnerId);
        var outsider = (await _factory.NewUserAsync("outsider")).Client;
        await (await outsider.GetAsync($"/api/v1/cohorts/{cohortId}/progress")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_withdrawal_delivered_before_the_enrolment_it_follows_still_wins()
    {
        var cohortId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        var enrolledAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // A retried LearnerEnrolled arrives after the LearnerWithdrew that followed it.
            var publisher = scope.ServiceProvider.GetRequiredService<Mediator.IPublisher>();
            await publisher.Publish(new Spoc.Modules.Cohorts.Contracts.LearnerWithdrew(cohortId, userId, enrolledAt.AddMinutes(1)));
            await publisher.Publish(new Spoc.Modules.Cohorts.Contracts.LearnerEnrolled(cohortId, Guid.NewGuid(), userId, Spoc.Modules.Cohorts.Contracts.EnrollmentSource.Application, enrolledAt));
        }

        await using var check = _factory.Services.CreateAsyncScope();
        var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            check.ServiceProvider.GetRequiredService<Spoc.Modules.Courses.Data.CoursesDbContext>().CohortLearners, l => l.CohortId == cohortId);
        row.WithdrawnAt.Should().NotBeNull();
    }

    // Slow: two cohorts of 10 and 50 learners over a course of 40 activities built through the API.
    [Test]
    [Category("Slow")]
    public async Task The_progress_matrix_runs_the_same_number_of_queries_for_10_and_for_50_learners_over_40_activities()
    {
        var (courseId, activities) = await PublishedCourseAsync(Enumerable.Range(1, 40).Select(i => ($"Activité {i}", 0, (int?)null)).ToArray());

        async Task<int> QueriesFor(int learners)
        {
            var cohortId = await CohortAsync(courseId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), capacity: 60);
            await EnrolAsync(cohortId, [.. (await _world.LearnersAsync(learners)).Select(l => l.Email)]);
            await TestApi.EventuallyAsync(async () =>
                (await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/progress")).ReadJsonAsync())["learners"]!.AsArray().Count == learners, "every learner has a progress row");
            _factory.Queries.Reset();
            var matrix = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/progress")).ReadJsonAsync();
            matrix["activities"]!.AsArray().Should().HaveCount(40);
            return _factory.Queries.Count;
        }

        var small = await QueriesFor(10);
        var large = await QueriesFor(50);
        large.Should().Be(small);
        TestContext.Out.WriteLine($"Progress matrix queries: {small} for 10 learners, {large} for 50 (40 activities)");
    }

    private async Task<(Guid CourseId, List<Guid> Activities)> PublishedCourseAsync(params (string Title, int Offset, int? Due)[] items)
    {
        var course = await (await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "Parcours", language = "fr" })).ReadJsonAsync();
        var courseId = course["id"]!.GetValue<Guid>();
        var section = (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title = "Semaine 1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var ids = new List<Guid>();
        foreach (var (title, offset, due) in items)
        {
            var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
                new { sectionId = section, kind = "Lesson", title, content = $"Contenu de *{title}*", offsetDays = offset, dueOffsetDays = due, durationMinutes = 20 });
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids.Add((await response.ReadJsonAsync())["id"]!.GetValue<Guid>());
        }

        (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}", new { title = "Parcours", language = "fr", isPublished = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        return (courseId, ids);
    }

    private async Task<Guid> CohortAsync(Guid courseId, DateOnly startsOn, int capacity = 10)
    {
        var start = startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var response = await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", new
        {
            courseId, title = "Cohorte", capacity, startsOn = startsOn.ToString("yyyy-MM-dd"), endsOn = startsOn.AddDays(90).ToString("yyyy-MM-dd"),
            applicationsOpenAt = start.AddDays(-30), applicationsCloseAt = start.AddDays(-2), admissionMode = "OrganizationEnrollment",
            organizationIds = new[] { _world.OrganizationId }, timeZone = "Europe/Paris",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task EnrolAsync(Guid cohortId, params string[] emails)
    {
        var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails });
        (await response.ReadJsonAsync())["enrolled"]!.GetValue<int>().Should().Be(emails.Length);
    }

    private static async Task<JsonObject> ScheduleAsync(HttpClient client, Guid cohortId, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/cohorts/{cohortId}/schedule{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static JsonNode Item(JsonObject schedule, Guid activityId) =>
        schedule["activities"]!.AsArray().Single(a => a!["activityId"]!.GetValue<Guid>() == activityId)!;

    private static string Release(JsonObject schedule, Guid activityId) => Item(schedule, activityId)["releaseAt"]!.GetValue<string>();

    private static DateTimeOffset Due(JsonObject schedule, Guid activityId) => DateTimeOffset.Parse(Item(schedule, activityId)["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
