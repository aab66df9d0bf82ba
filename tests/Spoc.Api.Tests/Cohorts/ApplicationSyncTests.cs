using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Integrations;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>
/// Syncing a cohort's applications by <c>updatedSince</c> (ADR 0046), as an admissions system would: every change of
/// status comes back (decisions, promotion from the waitlist, withdrawals, including those written without tracking),
/// with no tombstone since an application is never deleted; the cursor skips nothing; changes wait until they settle.
/// </summary>
public sealed class ApplicationSyncTests
{
    // A minute behind: tokens are issued on this clock and checked against the real one (30 s of skew), so the moves below stay behind it.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddMinutes(-1));
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory { Clock = _clock };
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private SyncReader Applications(Guid cohortId, HttpClient? caller = null) => new(_factory, caller ?? _world.Trainer, $"/api/v1/cohorts/{cohortId}/applications");

    private void Settle() => _clock.Advance(TimeSpan.FromSeconds(6));

    private static string StatusOf(IEnumerable<JsonObject> items, Guid applicationId) =>
        items.Single(i => i["id"]!.GetValue<Guid>() == applicationId)["status"]!.GetValue<string>();

    [Test]
    public async Task Every_change_of_status_comes_back_once_and_in_order()
    {
        var cohortId = await _world.CohortAsync(capacity: 1);
        var (a, b, c) = ((await _world.LearnersAsync(1))[0], (await _world.LearnersAsync(1))[0], (await _world.LearnersAsync(1))[0]);
        var (staff, staffId, _) = (await _factory.PeopleAsync(1, "trainer", _world.OrganizationId, OrganizationRole.Trainer)).Single();
        var (appA, appB) = (await CohortWorld.ApplyAsync(a.Client, cohortId), await CohortWorld.ApplyAsync(b.Client, cohortId));
        Settle();

        var sync = Applications(cohortId);
        var first = await sync.ChangesAsync(SyncReader.Beginning);
        first.Select(sync.IdOf).Should().BeEquivalentTo([appA, appB], "two submissions");
        first.Should().OnlyContain(i => i["status"]!.GetValue<string>() == "Submitted" && i["deleted"] == null);

        (await _world.DecideAsync(cohortId, appA, "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _world.DecideAsync(cohortId, appB, "Waitlist")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (appC, appStaff) = (await CohortWorld.ApplyAsync(c.Client, cohortId), await CohortWorld.ApplyAsync(staff, cohortId));
        Settle();
        var second = await sync.AfterAsync(first[^1]);
        second.Select(sync.IdOf).Should().BeEquivalentTo([appA, appB, appC, appStaff]);
        (StatusOf(second, appA), StatusOf(second, appB), StatusOf(second, appC)).Should().Be(("Admitted", "Waitlisted", "Submitted"));

        // Removing the admitted learner withdraws their application and promotes the waitlist's head (bulk updates, then tracked ones);
        // joining as staff withdraws an application too; and a learner withdraws their own.
        (await _world.Trainer.DeleteAsync($"/api/v1/cohorts/{cohortId}/members/{a.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { userId = staffId, role = "Trainer" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await c.Client.PostAsync($"/api/v1/cohorts/{cohortId}/applications/{appC}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        Settle();
        var third = await sync.AfterAsync(second[^1]);
        third.Select(sync.IdOf).Should().BeEquivalentTo([appA, appB, appC, appStaff], "each changed once more; nothing is deleted");
        (StatusOf(third, appA), StatusOf(third, appB), StatusOf(third, appC), StatusOf(third, appStaff)).Should().Be(("Withdrawn", "Admitted", "Withdrawn", "Withdrawn"));
        third.Select(i => i["updatedAt"]!.GetValue<DateTimeOffset>()).Should().BeInAscendingOrder();
        var cursor = sync.CursorOf(second[^1]).At;
        third.Should().OnlyContain(i => i["updatedAt"]!.GetValue<DateTimeOffset>() > cursor);

        (await sync.AfterAsync(third[^1])).Should().BeEmpty();
    }

    [Test]
    public async Task A_decision_made_while_a_system_pages_is_read_later_and_nothing_is_skipped()
    {
        var cohortId = await _world.CohortAsync(capacity: 10);
        var applications = new List<Guid>();
        foreach (var learner in await _world.LearnersAsync(5))
        {
            applications.Add(await CohortWorld.ApplyAsync(learner.Client, cohortId)); // the clock stands still: five stamps alike, told apart by id
        }

        Settle();
        var sync = Applications(cohortId);
        var rejected = Guid.Empty;
        var seen = (await sync.PageThroughAsync(SyncReader.Beginning, pageSize: 2, async first =>
        {
            rejected = sync.IdOf(first[0]);
            (await _world.DecideAsync(cohortId, rejected, "Reject")).StatusCode.Should().Be(HttpStatusCode.OK);
            Settle();
        })).Select(sync.IdOf).ToList();

        seen.Should().Contain(applications, "no application is skipped although one changed while paging");
        seen.Count(id => id == rejected).Should().Be(2, "the application decided between pages comes back with its decision");
    }

    [Test]
    public async Task A_change_is_held_back_until_it_settles_and_malformed_cursors_are_refused()
    {
        var cohortId = await _world.CohortAsync();
        var learner = await _world.LearnerAsync();
        Settle();
        var before = _clock.GetUtcNow();
        var applicationId = await CohortWorld.ApplyAsync(learner.Client, cohortId);

        var sync = Applications(cohortId);
        (await sync.ChangesAsync(before)).Should().BeEmpty("a change of the last seconds may still have uncommitted neighbours");
        Settle();
        (await sync.ChangesAsync(before)).Select(sync.IdOf).Should().Equal(applicationId);

        var route = $"/api/v1/cohorts/{cohortId}/applications";
        await (await _world.Trainer.GetAsync($"{route}?afterId={applicationId}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _world.Trainer.GetAsync($"{route}?updatedSince=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await _world.Trainer.GetAsync($"{sync.Url(before)}&status=Submitted")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Sync_keeps_the_lists_access_rules()
    {
        var cohortId = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment");
        var learner = await _world.LearnerAsync();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = new[] { learner.Email } })).StatusCode.Should().Be(HttpStatusCode.OK);
        var (_, elsewhereAdmin) = await _world.PartnerAsync();
        var url = Applications(cohortId).Url(SyncReader.Beginning);

        (await _world.Trainer.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await elsewhereAdmin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await learner.Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // No scope opens applications (docs/integrations.md): an API client of the cohort's own organisation is refused, sync or not.
        var (orgAdmin, _, _) = (await _factory.PeopleAsync(1, "org-admin", _world.OrganizationId, OrganizationRole.OrgAdmin)).Single();
        (await orgAdmin.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, "the organisation's admin decides applications");
        var (clientId, secret) = await orgAdmin.CreateApiClientAsync(_world.OrganizationId);
        var system = await _factory.AsApiClientAsync(clientId, secret);
        await (await system.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
    }
}
