using System.Net;
using AwesomeAssertions;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Integrations;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Assessment;

/// <summary>
/// Syncing an assignment's grades by <c>updatedSince</c> on its submissions (ADR 0046), as a school's information system
/// would: each attempt comes back when handed in and each time its grade changes, with that grade; nothing is deleted, so
/// no tombstone; the cursor skips nothing; its cost does not grow with the page; changes wait until they settle.
/// </summary>
public sealed class SubmissionSyncTests
{
    // A minute behind: tokens are issued on this clock and checked against the real one (30 s of skew), so the moves below stay behind it.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddMinutes(-1));
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory { Clock = _clock };
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 5);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<Guid> AssignmentAsync() => (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();

    private SyncReader Submissions(Guid assignmentId, HttpClient? caller = null) => new(_factory, caller ?? _world.Trainer, $"/api/v1/assignments/{assignmentId}/submissions");

    private void Settle() => _clock.Advance(TimeSpan.FromSeconds(6));

    private async Task<string> GradedAsync(Guid submissionId, string status, decimal score, string? ifMatch = null)
    {
        var response = await AssessmentWorld.GradeAsync(_world.Trainer, submissionId, new { score, status, feedback = "Bien" }, ifMatch);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.Tag;
    }

    [Test]
    public async Task Hand_ins_and_every_change_of_their_grade_come_back_with_the_grade()
    {
        var assignmentId = await AssignmentAsync();
        var (first, other) = (await _world.SubmitAsync(0, assignmentId), await _world.SubmitAsync(1, assignmentId));
        Settle();

        var sync = Submissions(assignmentId);
        var handedIn = await sync.ChangesAsync(SyncReader.Beginning);
        handedIn.Select(sync.IdOf).Should().BeEquivalentTo([first, other]);
        handedIn.Should().OnlyContain(s => s["grade"] == null && s["deleted"] == null
            && s["updatedAt"]!.GetValue<DateTimeOffset>() == s["submittedAt"]!.GetValue<DateTimeOffset>());

        var etag = await GradedAsync(first, "Draft", 12m);
        Settle();
        var drafted = (await sync.AfterAsync(handedIn[^1])).Should().ContainSingle().Subject;
        (sync.IdOf(drafted), drafted["grade"]!["status"]!.GetValue<string>()).Should().Be((first, "Draft"));

        await GradedAsync(first, "Released", 14m, etag);
        var second = await _world.SubmitAsync(1, assignmentId, "Deuxième essai");
        Settle();
        var changed = await sync.AfterAsync(drafted);
        changed.Select(sync.IdOf).Should().BeEquivalentTo([first, second], "the release and the new attempt");
        var released = changed.Single(s => sync.IdOf(s) == first)["grade"]!;
        (released["status"]!.GetValue<string>(), released["score"]!.GetValue<decimal>()).Should().Be(("Released", 14m));
        changed.Single(s => sync.IdOf(s) == second)["attempt"]!.GetValue<int>().Should().Be(2);

        (await sync.AfterAsync(changed[^1])).Should().BeEmpty();
    }

    [Test]
    public async Task A_grade_given_while_a_system_pages_is_read_later_nothing_is_skipped_and_a_page_costs_the_same_whatever_its_size()
    {
        var assignmentId = await AssignmentAsync();
        var submissions = new List<Guid>();
        for (var learner = 0; learner < 5; learner++)
        {
            submissions.Add(await _world.SubmitAsync(learner, assignmentId)); // the clock stands still: five stamps alike, told apart by id
        }

        Settle();
        var sync = Submissions(assignmentId);
        var graded = Guid.Empty;
        var seen = (await sync.PageThroughAsync(SyncReader.Beginning, pageSize: 2, async page =>
        {
            graded = sync.IdOf(page[0]);
            await GradedAsync(graded, "Released", 15m);
            Settle();
        })).Select(sync.IdOf).ToList();

        seen.Should().Contain(submissions, "no attempt is skipped although one was graded while paging");
        seen.Count(id => id == graded).Should().Be(2, "the attempt graded between pages comes back with its grade");

        var statements = new List<int>();
        foreach (var pageSize in new[] { 1, 5 }) // both full: each counts what is left
        {
            _factory.Queries.Reset();
            (await sync.ChangesAsync(SyncReader.Beginning, pageSize: pageSize)).Should().HaveCount(pageSize);
            statements.Add(_factory.Queries.Count);
        }

        statements[1].Should().Be(statements[0], "the grades come with their attempts, not one query each");
    }

    [Test]
    public async Task A_change_is_held_back_until_it_settles_and_malformed_cursors_are_refused()
    {
        var assignmentId = await AssignmentAsync();
        Settle();
        var before = _clock.GetUtcNow();
        var submissionId = await _world.SubmitAsync(2, assignmentId);

        var sync = Submissions(assignmentId);
        (await sync.ChangesAsync(before)).Should().BeEmpty("a change of the last seconds may still have uncommitted neighbours");
        Settle();
        (await sync.ChangesAsync(before)).Select(sync.IdOf).Should().Equal(submissionId);

        var route = $"/api/v1/assignments/{assignmentId}/submissions";
        await (await _world.Trainer.GetAsync($"{route}?afterId={submissionId}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _world.Trainer.GetAsync($"{route}?updatedSince=now")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await _world.Trainer.GetAsync($"{sync.Url(before)}&latestOnly=true")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Sync_is_for_those_who_see_every_learner_and_opens_to_an_API_client_with_grades_read()
    {
        var assignmentId = await AssignmentAsync();
        var submissionId = await _world.SubmitAsync(0, assignmentId);
        Settle();
        var url = Submissions(assignmentId).Url(SyncReader.Beginning);

        var (_, elsewhereAdmin) = await _world.World.PartnerAsync();
        await (await elsewhereAdmin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Learners[0].Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _world.Mentor.GetAsync($"/api/v1/assignments/{assignmentId}/submissions")).StatusCode.Should().Be(HttpStatusCode.OK, "a mentor still reads their learners' attempts");
        await (await _world.Mentor.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var (orgAdmin, _, _) = (await _factory.PeopleAsync(1, "org-admin", _world.World.OrganizationId, OrganizationRole.OrgAdmin)).Single();
        var (clientId, secret) = await orgAdmin.CreateApiClientAsync(_world.World.OrganizationId, "grades:read", "cohorts:read");
        var system = await _factory.AsApiClientAsync(clientId, secret, scope: "grades:read");
        (await Submissions(assignmentId, system).ChangesAsync(SyncReader.Beginning)).Select(s => s["id"]!.GetValue<Guid>()).Should().Equal(submissionId);
        var narrow = await _factory.AsApiClientAsync(clientId, secret, scope: "cohorts:read");
        await (await narrow.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
    }
}
