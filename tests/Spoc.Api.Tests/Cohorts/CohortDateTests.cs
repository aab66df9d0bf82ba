using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>Dates a client sends stay within 2000–2100 and any offset: nothing computed from them can overflow into a 500.</summary>
public sealed class CohortDateTests
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

    /// <summary>Before the bound, the cohort was created and its schedule (start + 730 days) answered 500.</summary>
    [TestCase("9999-12-01", "9999-12-31", "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", new[] { "startsOn", "endsOn" })]
    [TestCase("0001-01-01", "0001-01-02", "0001-01-01T00:00:00Z", "0001-01-01T00:00:01Z", new[] { "startsOn", "endsOn", "applicationsOpenAt", "applicationsCloseAt" })]
    [TestCase("2030-03-01", "2101-01-01", "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", new[] { "endsOn" })]
    [TestCase("2030-03-01", "2030-04-01", "1999-12-31T23:59:59Z", "2030-02-01T00:00:00Z", new[] { "applicationsOpenAt" })]
    public async Task Dates_outside_2000_to_2100_are_400(string startsOn, string endsOn, string openAt, string closeAt, string[] fields)
    {
        var problem = await (await Create(startsOn, endsOn, openAt, closeAt, "Pacific/Kiritimati")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(fields);
    }

    [Test]
    public async Task A_cohort_cannot_be_moved_to_the_end_of_time_either()
    {
        var cohortId = await _world.CohortAsync();
        var current = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}")).ReadJsonAsync();
        current["startsOn"] = "9999-12-30";
        current["endsOn"] = "9999-12-31";

        var problem = await (await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}", current)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["startsOn", "endsOn"]);
    }

    [TestCase("9999-12-31T23:59:59-14:00", TestName = "An instant past the calendar's end once in UTC is 400")]
    [TestCase("0001-01-01T00:00:00+14:00", TestName = "An instant before the calendar's start once in UTC is 400")]
    [TestCase("2030-02-01T00:00:00+14:01", TestName = "An offset beyond 14 hours is 400")]
    [TestCase("+12030-02-01T00:00:00Z", TestName = "A five-digit year is 400")]
    public async Task Offsets_that_overflow_are_400(string closeAt)
    {
        var problem = await (await Create("2030-03-01", "2030-04-01", "2030-01-01T00:00:00Z", closeAt)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal("applicationsCloseAt");
    }

    [Test]
    public async Task Offsets_of_plus_and_minus_14_hours_are_accepted_and_answered_in_UTC()
    {
        var created = await Create("2030-03-01", "2030-04-01", "2030-01-01T00:00:00+14:00", "2030-02-01T00:00:00-14:00");

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var cohort = await created.ReadJsonAsync();
        cohort["applicationsOpenAt"]!.GetValue<string>().Should().Be("2029-12-31T10:00:00Z");
        cohort["applicationsCloseAt"]!.GetValue<string>().Should().Be("2030-02-01T14:00:00Z");
    }

    [Test]
    public async Task The_latest_cohort_allowed_still_has_a_schedule()
    {
        var course = await (await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "Parcours", language = "fr" })).ReadJsonAsync();
        var courseId = course["id"]!.GetValue<Guid>();
        var sectionId = (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title = "S" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities", new { sectionId, kind = "Lesson", title = "Dernière", offsetDays = 730, dueOffsetDays = 730, durationMinutes = 5 }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", Body(courseId, "2100-12-30", "2100-12-31", "2100-01-01T00:00:00Z", "2100-12-01T00:00:00Z", "Pacific/Kiritimati"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var cohortId = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var schedule = await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/schedule");

        schedule.StatusCode.Should().Be(HttpStatusCode.OK, await schedule.Content.ReadAsStringAsync());
        (await schedule.ReadJsonAsync())["activities"]![0]!["dueAt"]!.GetValue<string>().Should().StartWith("2102-12-3");
    }

    private Task<HttpResponseMessage> Create(string startsOn, string endsOn, string openAt, string closeAt, string timeZone = "Europe/Paris") =>
        _world.Trainer.PostAsync("/api/v1/cohorts", TestApi.Json(Body(_world.CourseId, startsOn, endsOn, openAt, closeAt, timeZone).ToJsonString()));

    private JsonObject Body(Guid courseId, string startsOn, string endsOn, string openAt, string closeAt, string timeZone) => new()
    {
        ["courseId"] = courseId, ["title"] = "Cohorte", ["capacity"] = 3, ["startsOn"] = startsOn, ["endsOn"] = endsOn,
        ["applicationsOpenAt"] = openAt, ["applicationsCloseAt"] = closeAt, ["admissionMode"] = "OrganizationEnrollment",
        ["organizationIds"] = new JsonArray(_world.OrganizationId), ["timeZone"] = timeZone,
    };
}
