using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>
/// What a cohort request costs must depend on the caller's data, not on the platform's: every statement of the hot
/// routes finds its rows through an index. SQLite says how it runs each one (<c>EXPLAIN QUERY PLAN</c>); a plan that
/// scans a table or materialises a join (as the caller's organisations once did, over every membership) fails here.
/// </summary>
public sealed class AccessCostTests
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
    public async Task The_hot_cohort_routes_read_only_through_indexes_for_a_trainer_and_for_a_mentor_on_a_platform_of_many_memberships()
    {
        await OtherOrganizationsAsync(organizations: 20, peopleEach: 30);
        var (mentor, mentorId, mentorEmail) = await _factory.NewUserAsync("mentor");
        await _world.Admin.AddMemberAsync(_world.OrganizationId, mentorEmail, "Mentor");
        var cohortId = await _world.CohortAsync(capacity: 10);
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { email = mentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var routes = new (HttpClient Caller, string Route)[]
        {
            (_world.Trainer, $"/api/v1/cohorts/{cohortId}"),
            (_world.Trainer, $"/api/v1/cohorts/{cohortId}/members"),
            (_world.Trainer, $"/api/v1/cohorts/{cohortId}/schedule"),
            (_world.Trainer, $"/api/v1/cohorts/{cohortId}/progress"),
            (_world.Trainer, $"/api/v1/courses/{_world.CourseId}/outline"),
            (mentor, $"/api/v1/cohorts/{cohortId}/members?mentorId={mentorId}"),
            (mentor, $"/api/v1/cohorts/{cohortId}/progress"),
        };
        foreach (var (caller, route) in routes)
        {
            _factory.Queries.Reset();
            (await caller.GetAsync(route)).StatusCode.Should().Be(HttpStatusCode.OK, route);
            foreach (var (sql, parameters) in _factory.Queries.Statements)
            {
                var plan = await PlanAsync(sql, parameters);
                FullReads(plan).Should().BeEmpty($"{route} runs\n{sql}\nas\n{string.Join('\n', plan)}");
            }
        }
    }

    /// <summary>
    /// No row read twice, no count in a statement of its own: the roster is the viewer, the access row, the page (its
    /// total riding on its rows) and the names; the outline the course (with its gate), the caller's organisations, and one
    /// join of sections and activities, the organisations coming from memory on the next request. A page past the end still
    /// knows the total.
    /// </summary>
    [Test]
    public async Task The_roster_and_the_outline_read_each_row_once()
    {
        var cohortId = await _world.CohortAsync(capacity: 10);
        var statements = new Dictionary<string, int>();
        foreach (var route in new[] { $"/api/v1/cohorts/{cohortId}/members", $"/api/v1/courses/{_world.CourseId}/outline" })
        {
            _factory.Queries.Reset();
            (await _world.Trainer.GetAsync(route)).StatusCode.Should().Be(HttpStatusCode.OK, route);
            statements[route] = _factory.Queries.Statements.Count;
        }

        statements.Values.Should().Equal(4, 3);
        _factory.Queries.Reset(coldCache: false);
        (await _world.Trainer.GetAsync($"/api/v1/courses/{_world.CourseId}/outline")).StatusCode.Should().Be(HttpStatusCode.OK);
        _factory.Queries.Statements.Should().HaveCount(2);
        var pastTheEnd = await _world.Trainer.GetFromJsonAsync<PageOfMembers>($"/api/v1/cohorts/{cohortId}/members?page=5&pageSize=1");
        var all = await _world.Trainer.GetFromJsonAsync<PageOfMembers>($"/api/v1/cohorts/{cohortId}/members");
        pastTheEnd!.Items.Should().BeEmpty();
        pastTheEnd.TotalCount.Should().Be(all!.TotalCount).And.Be(all.Items.Count).And.BeGreaterThan(0);
    }

    /// <summary>
    /// The caller's place in a cohort, and the list of their cohorts, are read once and remembered (ADR 0057) until Cohorts
    /// commits a change to them: then they are forgotten at once, so that a learner added sees the cohort, a cohort renamed
    /// shows its new title and a learner removed is a stranger (404), each on their very next request.
    /// </summary>
    [Test]
    public async Task A_place_in_a_cohort_is_remembered_until_the_cohort_changes_and_a_change_is_seen_on_the_next_request()
    {
        var cohortId = await _world.CohortAsync(capacity: 10, mode: "OrganizationEnrollment");
        var (learner, learnerId, email) = await _world.LearnerAsync();
        var schedule = $"/api/v1/cohorts/{cohortId}/schedule";

        async Task<List<string>> MyCohortTitlesAsync() =>
            [.. (await (await learner.GetAsync("/api/v1/me/follow-up")).ReadJsonAsync())["cohorts"]!.AsArray()
                .Where(c => c!["cohortId"]!.GetValue<Guid>() == cohortId).Select(c => c!["title"]!.GetValue<string>())];

        async Task<int> WarmCountAsync()
        {
            _factory.Queries.Reset(coldCache: false);
            (await learner.GetAsync(schedule)).StatusCode.Should().Be(HttpStatusCode.OK);
            return _factory.Queries.Count;
        }

        (await MyCohortTitlesAsync()).Should().BeEmpty();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { email, role = "Learner" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await MyCohortTitlesAsync()).Should().Equal("Cohorte printemps");
        var (_, mentorId, _) = await _world.MentorAsync(cohortId);

        await WarmCountAsync();
        var remembered = await WarmCountAsync();
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/members/{learnerId}/mentor", new { mentorId })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await WarmCountAsync()).Should().Be(remembered + 1, "a change to the cohort forgets every place in it: the access row is read again");
        (await WarmCountAsync()).Should().Be(remembered);

        var cohort = await _world.CohortJsonAsync(cohortId);
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}", new
        {
            title = "Cohorte renommée", capacity = 10, startsOn = cohort["startsOn"], endsOn = cohort["endsOn"], applicationsOpenAt = cohort["applicationsOpenAt"],
            applicationsCloseAt = cohort["applicationsCloseAt"], timeZone = "Europe/Paris",
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await MyCohortTitlesAsync()).Should().Equal("Cohorte renommée");

        (await _world.Trainer.DeleteAsync($"/api/v1/cohorts/{cohortId}/members/{learnerId}")).IsSuccessStatusCode.Should().BeTrue();
        await (await learner.GetAsync(schedule)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await MyCohortTitlesAsync()).Should().BeEmpty();
    }

    private sealed record PageOfMembers(IReadOnlyList<object> Items, int TotalCount);

    /// <summary>
    /// Plan steps that read a whole table or build a temporary one; scanning a co-routine (a one-row subquery), a constant row or
    /// a virtual table (<c>json_each</c> over a list the statement was given as a parameter) is not a table read.
    /// </summary>
    private static IEnumerable<string> FullReads(IReadOnlyList<string> plan)
    {
        var coroutines = plan.Select(l => Regex.Match(l, @"CO-ROUTINE (\S+)")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        return plan.Where(l => l.StartsWith("MATERIALIZE", StringComparison.Ordinal)
            || (Regex.Match(l, @"^SCAN (\S+)( |$)") is { Success: true } scan && l != "SCAN CONSTANT ROW" && !l.Contains(" VIRTUAL TABLE ", StringComparison.Ordinal) && !coroutines.Contains(scan.Groups[1].Value)));
    }

    private async Task<IReadOnlyList<string>> PlanAsync(string sql, string[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDirectory, "spoc.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in parameters)
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    /// <summary>The rest of the platform, written straight to the tables: organisations whose people the caller never meets.</summary>
    private async Task OtherOrganizationsAsync(int organizations, int peopleEach)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        for (var o = 0; o < organizations; o++)
        {
            var organization = new Organization { Name = $"Autre {o}", Slug = $"autre-{Guid.NewGuid():N}", CreatedAt = DateTimeOffset.UtcNow };
            db.Organizations.Add(organization);
            for (var p = 0; p < peopleEach; p++)
            {
                var email = TestApi.UniqueEmail("other");
                var user = new User { Email = email, NormalizedEmail = email, DisplayName = $"Autre {o}-{p}", CreatedAt = DateTimeOffset.UtcNow, PasswordHash = "unused" };
                db.Users.Add(user);
                db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = user.Id, Role = OrganizationRole.Learner, JoinedAt = DateTimeOffset.UtcNow });
            }
        }

        await db.SaveChangesAsync();
    }
}
