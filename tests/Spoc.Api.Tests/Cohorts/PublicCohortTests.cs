using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>
/// GET /public/cohorts/{cohortId} (issue 16): the shareable page of a cohort anyone may apply to, read without an account.
/// Only an open or upcoming <c>Application</c> cohort that names no organisation has one; every other cohort is the 404 of an unknown id.
/// </summary>
public sealed class PublicCohortTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;
    private HttpClient _anonymous = null!;
    private Guid _courseId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
        _anonymous = _factory.CreateClient();
        var course = await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new
        {
            organizationId = _world.OrganizationId,
            title = "Conception accessible",
            summary = "Un SPOC **exigeant**.<script>alert('x')</script>",
            language = "fr",
            competencies = new[] { new { code = "C2", title = "Tester" }, new { code = "C1", title = "Concevoir" } },
        });
        course.StatusCode.Should().Be(HttpStatusCode.Created, await course.Content.ReadAsStringAsync());
        _courseId = (await course.ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{_courseId}", new
        {
            title = "Conception accessible",
            summary = "Un SPOC **exigeant**.<script>alert('x')</script>",
            language = "fr",
            competencies = new[] { new { code = "C2", title = "Tester" }, new { code = "C1", title = "Concevoir" } },
            isPublished = true,
        })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _anonymous.Dispose();
        _factory.Dispose();
    }

    private async Task<Guid> OpenCohortAsync(int capacity = 1, string mode = "Application", Guid[]? organizationIds = null, bool windowOpen = true, Guid? courseId = null)
    {
        var response = await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", CohortWorld.CohortBody(courseId ?? _courseId, capacity, mode, organizationIds ?? [], windowOpen));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    [Test]
    public async Task A_stranger_reads_an_open_cohort_s_course_dates_seats_and_organisation_and_nothing_about_its_people()
    {
        var cohortId = await OpenCohortAsync(capacity: 1);
        var people = await _world.LearnersAsync(2);
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(people[0].Client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(people[1].Client, cohortId), "Waitlist")).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await _anonymous.GetAsync($"/api/v1/public/cohorts/{cohortId}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var page = await response.ReadJsonAsync();

        page["id"]!.GetValue<Guid>().Should().Be(cohortId);
        page["title"]!.GetValue<string>().Should().Be("Cohorte printemps");
        page["courseTitle"]!.GetValue<string>().Should().Be("Conception accessible");
        page["courseSummaryHtml"]!.GetValue<string>().Should().Contain("<strong>exigeant</strong>").And.NotContain("<script");
        page["competencies"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Should().Equal("C1", "C2");
        page["organizationName"]!.GetValue<string>().Should().StartWith("Organisation org-");
        page["timeZone"]!.GetValue<string>().Should().Be("Europe/Paris");
        page["applicationsOpen"]!.GetValue<bool>().Should().BeTrue();
        page["seatsLeft"]!.GetValue<int>().Should().Be(0);
        page["waitlistLength"]!.GetValue<int>().Should().Be(1);
        foreach (var (_, id, email) in people)
        {
            body.Should().NotContain(email).And.NotContain(id.ToString());
        }

        body.Should().NotContain(_world.TrainerId.ToString()).And.NotContain("motivation").And.NotContain("@");
    }

    [Test]
    public async Task An_upcoming_window_has_a_page_that_says_applications_are_not_open_yet()
    {
        var page = await (await _anonymous.GetAsync($"/api/v1/public/cohorts/{await OpenCohortAsync(windowOpen: false)}")).ReadJsonAsync();
        page["applicationsOpen"]!.GetValue<bool>().Should().BeFalse();
    }

    [Test]
    public async Task Invite_only_enrolment_organisation_only_closed_draft_and_unknown_cohorts_are_the_same_404()
    {
        var closed = await OpenCohortAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var moved = await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{closed}", new
        {
            title = "Cohorte close", capacity = 1, startsOn = today.AddDays(10).ToString("yyyy-MM-dd"), endsOn = today.AddDays(90).ToString("yyyy-MM-dd"),
            applicationsOpenAt = DateTimeOffset.UtcNow.AddDays(-20), applicationsCloseAt = DateTimeOffset.UtcNow.AddDays(-1), timeZone = "Europe/Paris",
        });
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        var hidden = new Dictionary<string, Guid>
        {
            ["invite only"] = await OpenCohortAsync(mode: "InviteOnly"),
            ["organisation enrolment"] = await OpenCohortAsync(mode: "OrganizationEnrollment", organizationIds: [_world.OrganizationId]),
            ["open to one organisation's people"] = await OpenCohortAsync(organizationIds: [_world.OrganizationId]),
            ["closed"] = closed,
            ["on a draft course"] = await OpenCohortAsync(courseId: (await (await _world.Trainer.PostAsJsonAsync("/api/v1/courses",
                new { organizationId = _world.OrganizationId, title = "Brouillon", language = "fr" })).ReadJsonAsync())["id"]!.GetValue<Guid>()),
            ["unknown"] = Guid.CreateVersion7(),
        };
        foreach (var (what, id) in hidden)
        {
            var response = await _anonymous.GetAsync($"/api/v1/public/cohorts/{id}");
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            problem["detail"]!.GetValue<string>().Should().Be("This cohort does not exist or is not visible to you.", what);
        }

        // Signing in changes nothing: it is the public page, not the cohort's own.
        await (await _world.Trainer.GetAsync($"/api/v1/public/cohorts/{hidden["invite only"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_suspended_organisation_s_cohort_loses_its_page_and_takes_no_applications_until_reactivated()
    {
        var cohortId = await OpenCohortAsync(capacity: 5);
        var (learner, _, _) = await _world.LearnerAsync();
        var (former, _, _) = await _world.LearnerAsync();
        var withdrawn = await former.PostAsync($"/api/v1/cohorts/{cohortId}/applications/{await CohortWorld.ApplyAsync(former, cohortId)}/withdraw", null);
        withdrawn.StatusCode.Should().Be(HttpStatusCode.NoContent, await withdrawn.Content.ReadAsStringAsync());
        var admin = await _factory.AdminClientAsync();
        const string open = "/api/v1/cohorts?openForApplication=true&pageSize=100";
        async Task<bool> ListedAsync() =>
            (await (await learner.GetAsync(open)).ReadJsonAsync())["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == cohortId);
        (await ListedAsync()).Should().BeTrue();

        (await admin.PostAsync($"/api/v1/organizations/{_world.OrganizationId}/suspend", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await _factory.OutboxDispatchedAsync();
        var openedWhileSuspended = Guid.Empty;
        try
        {
            await (await _anonymous.GetAsync($"/api/v1/public/cohorts/{cohortId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            (await ListedAsync()).Should().BeFalse();
            await (await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Je veux apprendre." }))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await former.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Je reviens." }))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "applications-not-accepted"); // they still see it, having applied
            (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}")).StatusCode.Should().Be(HttpStatusCode.OK, "its members keep their seats");
            var opened = await admin.PostAsJsonAsync("/api/v1/cohorts", CohortWorld.CohortBody(_courseId, 5, "Application", [], true));
            opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
            openedWhileSuspended = (await opened.ReadJsonAsync())["id"]!.GetValue<Guid>();
            await (await _anonymous.GetAsync($"/api/v1/public/cohorts/{openedWhileSuspended}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }
        finally
        {
            (await admin.PostAsync($"/api/v1/organizations/{_world.OrganizationId}/reactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            await _factory.OutboxDispatchedAsync();
        }

        (await _anonymous.GetAsync($"/api/v1/public/cohorts/{cohortId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _anonymous.GetAsync($"/api/v1/public/cohorts/{openedWhileSuspended}")).StatusCode.Should().Be(HttpStatusCode.OK, "opened closed, reopened with its organisation");
        (await ListedAsync()).Should().BeTrue();
        await CohortWorld.ApplyAsync(learner, cohortId);
    }

    [Test]
    public async Task The_page_costs_three_statements_whatever_the_number_of_applicants()
    {
        var small = await OpenCohortAsync(capacity: 5);
        var large = await OpenCohortAsync(capacity: 5);
        foreach (var (client, _, _) in await _world.LearnersAsync(12))
        {
            await CohortWorld.ApplyAsync(client, large);
        }

        var statements = new List<int>();
        foreach (var id in new[] { small, large })
        {
            _factory.Queries.Reset();
            (await _anonymous.GetAsync($"/api/v1/public/cohorts/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
            statements.Add(_factory.Queries.Statements.Count);
        }

        statements.Should().Equal(3, 3);
    }

    [Test]
    public async Task The_page_is_publicly_cacheable_and_answers_304_to_its_own_etag_until_a_seat_is_taken()
    {
        var cohortId = await OpenCohortAsync(capacity: 3);
        var first = await _anonymous.GetAsync($"/api/v1/public/cohorts/{cohortId}");
        first.Headers.CacheControl!.Public.Should().BeTrue();
        first.Headers.CacheControl.MaxAge.Should().Be(TimeSpan.FromSeconds(60));
        var etag = first.Headers.ETag!.Tag;

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/cohorts/{cohortId}");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var notModified = await _anonymous.SendAsync(again);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsStringAsync()).Should().BeEmpty();

        var (learner, _, _) = await _world.LearnerAsync();
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var after = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/cohorts/{cohortId}");
        after.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var changed = await _anonymous.SendAsync(after);
        changed.StatusCode.Should().Be(HttpStatusCode.OK, "a seat taken changes the page");
        (await changed.ReadJsonAsync())["seatsLeft"]!.GetValue<int>().Should().Be(2);
    }

    [Test]
    public async Task The_page_is_limited_per_address_with_retry_after()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:PublicPermitsPerIp"] = "2" });
        var anonymous = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            await (await anonymous.GetAsync($"/api/v1/public/cohorts/{Guid.CreateVersion7()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        var blocked = await anonymous.GetAsync($"/api/v1/public/cohorts/{Guid.CreateVersion7()}");
        await blocked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        blocked.Headers.RetryAfter.Should().NotBeNull();
    }
}
