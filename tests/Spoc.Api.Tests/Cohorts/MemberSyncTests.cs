using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>
/// Syncing a roster by <c>updatedSince</c> (ADR 0046), as an HR system would: only what changed, people who left as
/// tombstones, a cursor that skips nothing when the roster changes between pages, and changes held back until they settle.
/// The application's clock is moved by hand (tokens stay valid: the moves stay within their 30-second skew).
/// </summary>
public sealed class MemberSyncTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
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

    private SyncReader Roster(Guid cohortId) => new(_factory, _world.Trainer, $"/api/v1/cohorts/{cohortId}/members", idName: "userId");

    private async Task EnrolAsync(Guid cohortId, params string[] emails) =>
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails })).StatusCode.Should().Be(HttpStatusCode.OK);

    [Test]
    public async Task Only_what_changed_comes_back_and_people_who_left_come_back_as_tombstones()
    {
        var cohortId = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment");
        var (a, b) = ((await _world.LearnersAsync(2))[0], (await _world.LearnersAsync(1))[0]);
        var start = _clock.GetUtcNow();
        await EnrolAsync(cohortId, a.Email, b.Email);
        _clock.Advance(TimeSpan.FromSeconds(6));

        var first = await Roster(cohortId).ChangesAsync(start.AddSeconds(-1));
        first.Select(i => i["userId"]!.GetValue<Guid>()).Should().Contain([a.Id, b.Id]).And.Contain(_world.TrainerId);
        first.Should().OnlyContain(i => !i["deleted"]!.GetValue<bool>());

        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups", new { name = "Équipe A", memberIds = new[] { a.Id } })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _world.Trainer.DeleteAsync($"/api/v1/cohorts/{cohortId}/members/{b.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        _clock.Advance(TimeSpan.FromSeconds(6));

        var second = await Roster(cohortId).AfterAsync(first[^1]);
        second.Should().HaveCount(2, "the trainer did not change: only the new group and the removal");
        second.Single(i => i["userId"]!.GetValue<Guid>() == a.Id)["groupName"]!.GetValue<string>().Should().Be("Équipe A");
        var gone = second.Single(i => i["userId"]!.GetValue<Guid>() == b.Id);
        gone["deleted"]!.GetValue<bool>().Should().BeTrue();
        gone["role"]!.GetValue<string>().Should().Be("Learner");

        await EnrolAsync(cohortId, b.Email);
        _clock.Advance(TimeSpan.FromSeconds(6));
        var third = await Roster(cohortId).AfterAsync(second[^1]);
        third.Should().ContainSingle().Which["deleted"]!.GetValue<bool>().Should().BeFalse("re-enrolled after the tombstone, so the last word is the enrolment");
        (await Roster(cohortId).AfterAsync(third[0])).Should().BeEmpty();
    }

    [Test]
    public async Task A_change_made_while_a_system_pages_is_read_later_and_nothing_is_skipped()
    {
        var cohortId = await _world.CohortAsync(capacity: 10, mode: "OrganizationEnrollment");
        var learners = await _world.LearnersAsync(5);
        var start = _clock.GetUtcNow();
        await EnrolAsync(cohortId, [.. learners.Select(l => l.Email)]); // one save: five rows with the same time, told apart by id
        _clock.Advance(TimeSpan.FromSeconds(6));

        var changed = Guid.Empty;
        var seen = (await Roster(cohortId).PageThroughAsync(start.AddSeconds(-1), pageSize: 2, async first =>
        {
            changed = learners.First(l => first.Any(i => i["userId"]!.GetValue<Guid>() == l.Id)).Id;
            (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups", new { name = "Équipe B", memberIds = new[] { changed } })).StatusCode.Should().Be(HttpStatusCode.Created);
            _clock.Advance(TimeSpan.FromSeconds(6));
        })).Select(i => i["userId"]!.GetValue<Guid>()).ToList();

        seen.Should().Contain(learners.Select(l => l.Id), "no learner is skipped although one moved while paging");
        seen.Count(id => id == changed).Should().Be(2, "the learner changed between pages comes back with the change");
    }

    [Test]
    public async Task A_change_is_held_back_until_it_settles_and_a_cursor_without_a_time_is_refused()
    {
        var cohortId = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment");
        var learner = await _world.LearnerAsync();
        _clock.Advance(TimeSpan.FromSeconds(6));
        var before = _clock.GetUtcNow();
        await EnrolAsync(cohortId, learner.Email);

        (await Roster(cohortId).ChangesAsync(before.AddSeconds(-1))).Should().BeEmpty("a change of the last seconds may still have uncommitted neighbours");
        _clock.Advance(TimeSpan.FromSeconds(6));
        (await Roster(cohortId).ChangesAsync(before.AddSeconds(-1))).Select(i => i["userId"]!.GetValue<Guid>()).Should().Equal(learner.Id);

        await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members?afterId={learner.Id}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members?updatedSince=2026-01-01T00:00:00Z&mentorId={learner.Id}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
