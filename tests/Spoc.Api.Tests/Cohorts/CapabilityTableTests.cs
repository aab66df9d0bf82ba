using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Persistence;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>
/// The capability table of docs/capabilities.md, read from the docs themselves and played against the API: every
/// cohort-scoped route (found in the running app, so a new one cannot slip past) × the seven people of the table.
/// One world is seeded for the whole fixture; each request is chosen so that an allowed call answers on its merits
/// without changing what the other calls see (the last trainer cannot be removed, the window is closed, ...).
/// </summary>
public sealed partial class CapabilityTableTests
{
    private static readonly string[] People = ["platform admin", "owner admin", "partner admin", "trainer", "mentor", "learner", "outsider"];

    /// <summary>Route parameters that name a cohort, or something that belongs to exactly one cohort.</summary>
    private static readonly string[] ScopedBy = ["{cohortId", "{sessionId", "{certificateId"];

    private SpocApiFactory _factory = null!;
    private readonly Dictionary<string, HttpClient> _as = [];
    private Guid _cohortId;
    private Guid _partnerId;
    private Guid _trainerId;
    private Guid _mentorId;
    private Guid _learnerId;
    private Guid _otherLearnerId;
    private Guid _admittedApplicationId;
    private Guid _rejectedApplicationId;
    private Guid _activityId;
    private Guid _groupId;
    private Guid _sessionId;
    private Guid _certificateId;
    private string _partnerEmployeeEmail = "";
    private string _orgLearnerEmail = "";
    private object _settings = null!;

    /// <summary>The table's rows: route → expected answer per person, in <see cref="People"/> order.</summary>
    private static IReadOnlyDictionary<string, string[]> Table { get; } = ReadTable();

    [OneTimeSetUp]
    public async Task SeedTheWorld()
    {
        _factory = new SpocApiFactory();
        var world = await CohortWorld.CreateAsync(_factory);
        _trainerId = world.TrainerId;
        _as["platform admin"] = world.Admin;
        _as["trainer"] = world.Trainer;

        // A published course whose only activity, with a file, is released on the cohort's first day.
        var upload = new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray());
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var fileId = (await (await world.Trainer.PostAsync("/api/v1/files", new MultipartFormDataContent { { upload, "file", "plan.pdf" } })).ReadJsonAsync())["fileId"]!.GetValue<Guid>();
        var section = (await (await world.Trainer.PostAsJsonAsync($"/api/v1/courses/{world.CourseId}/sections", new { title = "Semaine 1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        _activityId = (await (await world.Trainer.PostAsJsonAsync($"/api/v1/courses/{world.CourseId}/activities",
            new { sectionId = section, kind = "Resource", title = "Plan", fileId, offsetDays = 0, durationMinutes = 10 })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await world.Trainer.PutAsJsonAsync($"/api/v1/courses/{world.CourseId}", new { title = "Management de projet", language = "fr", isPublished = true })).StatusCode.Should().Be(HttpStatusCode.OK);

        var (ownerAdmin, _, ownerAdminEmail) = await _factory.NewUserAsync("owner-admin");
        await world.Admin.AddMemberAsync(world.OrganizationId, ownerAdminEmail, "OrgAdmin");
        _as["owner admin"] = ownerAdmin;
        (_partnerId, _as["partner admin"]) = await world.PartnerAsync();
        _partnerEmployeeEmail = (await world.LearnerAsync(_partnerId)).Email;
        _orgLearnerEmail = (await world.LearnerAsync()).Email;
        var (mentor, mentorId, mentorEmail) = await _factory.NewUserAsync("mentor");
        await world.Admin.AddMemberAsync(world.OrganizationId, mentorEmail, "Mentor");
        (_as["mentor"], _mentorId) = (mentor, mentorId);
        _as["outsider"] = (await _factory.NewUserAsync("outsider")).Client;

        _cohortId = await world.CohortAsync(capacity: 10, organizationIds: [world.OrganizationId, _partnerId]);
        await CohortWorld.AcceptPartnershipAsync(_as["partner admin"], _cohortId, _partnerId);
        (await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/members", new { email = mentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var (learner, learnerId, _) = await world.LearnerAsync();
        (_as["learner"], _learnerId) = (learner, learnerId);
        _admittedApplicationId = await CohortWorld.ApplyAsync(learner, _cohortId);
        (await world.DecideAsync(_cohortId, _admittedApplicationId, "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (otherLearner, otherLearnerId, _) = await world.LearnerAsync();
        _otherLearnerId = otherLearnerId;
        (await world.DecideAsync(_cohortId, await CohortWorld.ApplyAsync(otherLearner, _cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        _rejectedApplicationId = await CohortWorld.ApplyAsync((await world.LearnerAsync()).Client, _cohortId);
        (await world.DecideAsync(_cohortId, _rejectedApplicationId, "Reject")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{_cohortId}/members/{_learnerId}/mentor", new { mentorId = _mentorId })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        _groupId = await NewGroupAsync();
        _sessionId = await NewSessionAsync();

        // The cohort started yesterday and its window is closed: the activity is released, applying answers 409.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _settings = new
        {
            title = "Cohorte printemps", capacity = 10, startsOn = today.AddDays(-1).ToString("yyyy-MM-dd"), endsOn = today.AddDays(90).ToString("yyyy-MM-dd"),
            applicationsOpenAt = DateTimeOffset.UtcNow.AddDays(-20), applicationsCloseAt = DateTimeOffset.UtcNow.AddDays(-3), timeZone = "Europe/Paris",
        };
        var moved = await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{_cohortId}", _settings);
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        // The mentor's learner is certified (no rules: everyone is eligible).
        var issued = await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/certificates", new { userId = _learnerId });
        issued.StatusCode.Should().Be(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        _certificateId = (await issued.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    public static IEnumerable<TestCaseData> Cells() =>
        from row in Table
        from i in Enumerable.Range(0, People.Length)
        select new TestCaseData(row.Key, People[i], row.Value[i]).SetName($"{row.Key} as {People[i]}: {row.Value[i]}");

    [TestCaseSource(nameof(Cells))]
    public async Task Each_person_gets_what_the_table_says(string route, string person, string cell)
    {
        var (method, path, body) = await RequestForAsync(route);
        path = path.Replace("{token}", await CalendarTokenOfAsync(person), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method, "/api/v1" + path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await _as[person].SendAsync(request);
        var answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";

        if (cell.StartsWith("403", StringComparison.Ordinal))
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        else if (cell.StartsWith("404", StringComparison.Ordinal))
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }
        else
        {
            ((int)response.StatusCode).Should().BeOneOf([200, 201, 204, 409], $"{person} may call {route} ({cell}); it answered {answer}");
        }
    }

    [Test]
    public void Every_cohort_scoped_route_of_the_app_is_in_the_table_and_every_row_is_a_route()
    {
        using var client = _factory.CreateClient();
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && ScopedBy.Any(scope => raw.Contains(scope, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Template(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var rows = Table.Keys.Select(k => k.Split('?')[0]).ToHashSet();

        routes.Should().NotBeEmpty();
        routes.Except(rows).Should().BeEmpty("every cohort-scoped route must have its row in docs/capabilities.md");
        rows.Except(routes).Should().BeEmpty("every row of docs/capabilities.md must be a route of the app");
    }

    [Test]
    public async Task A_mentor_sees_and_acts_on_their_own_learners_only()
    {
        var mentor = _as["mentor"];
        var cohort = $"/api/v1/cohorts/{_cohortId}";
        await (await mentor.GetAsync($"{cohort}/members/{_otherLearnerId}/pacing")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await mentor.PutAsJsonAsync($"{cohort}/members/{_otherLearnerId}/pacing", new { shifts = new[] { new { days = 7 } } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await mentor.GetAsync($"{cohort}/schedule?userId={_otherLearnerId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await mentor.PutAsJsonAsync($"{cohort}/members/{_otherLearnerId}/mentor", new { mentorId = _mentorId })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await mentor.GetAsync($"{cohort}/schedule?userId={_learnerId}")).StatusCode.Should().Be(HttpStatusCode.OK);

        await TestApi.EventuallyAsync(async () =>
            (await (await _as["trainer"].GetAsync($"{cohort}/progress")).ReadJsonAsync())["learners"]!.AsArray().Count == 2, "both learners have a progress row");
        var progress = await (await mentor.GetAsync($"{cohort}/progress")).ReadJsonAsync();
        progress["learners"]!.AsArray().Select(l => l!["userId"]!.GetValue<Guid>()).Should().Equal(_learnerId);

        var roster = (await (await mentor.GetAsync($"{cohort}/members?role=Learner")).ReadJsonAsync())["items"]!.AsArray();
        roster.Should().HaveCount(2, "a mentor sees the whole roster's names");
        roster.Single(m => m!["userId"]!.GetValue<Guid>() == _learnerId)!["email"].Should().NotBeNull();
        roster.Single(m => m!["userId"]!.GetValue<Guid>() == _otherLearnerId)!["email"].Should().BeNull("only their own learners' emails");
    }

    [Test]
    public async Task The_three_audit_exploits_are_refused()
    {
        var cohort = $"/api/v1/cohorts/{_cohortId}";

        // A mentor made a learner of the organisation Trainer of the cohort...
        await (await _as["mentor"].PostAsJsonAsync($"{cohort}/members", new { email = _orgLearnerEmail, role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        // Nor may she raise herself.
        await (await _as["mentor"].PostAsJsonAsync($"{cohort}/members", new { userId = _mentorId, role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        // ...which a trainer cannot do either: a learner of the organisation does not hold the role.
        await (await _as["trainer"].PostAsJsonAsync($"{cohort}/members", new { email = _orgLearnerEmail, role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "role-not-held");

        // That learner removed the real trainer; and nobody may leave the cohort without a trainer.
        await (await _as["learner"].DeleteAsync($"{cohort}/members/{_trainerId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _as["owner admin"].DeleteAsync($"{cohort}/members/{_trainerId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last-trainer");

        // A mentor renamed and resized the cohort.
        await (await _as["mentor"].PutAsJsonAsync(cohort, _settings)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await (await _as["trainer"].GetAsync(cohort)).ReadJsonAsync())["title"]!.GetValue<string>().Should().Be("Cohorte printemps");
    }

    [Test]
    public async Task The_cohort_tells_each_person_what_they_may_do()
    {
        async Task<IEnumerable<string>> CapabilitiesOf(string person) =>
            (await (await _as[person].GetAsync($"/api/v1/cohorts/{_cohortId}")).ReadJsonAsync())["capabilities"]!.AsArray().Select(c => c!.GetValue<string>());

        (await CapabilitiesOf("mentor")).Should().Equal("ViewInside", "PreviewContent", "ActOnOwnMentees");
        (await CapabilitiesOf("learner")).Should().Equal("ViewInside", "Learn");
        (await CapabilitiesOf("partner admin")).Should().Equal("EnrolOwnPeople");
        (await CapabilitiesOf("trainer")).Should().Contain(["ManageSettings", "ManageStaff", "DecideApplications", "ActOnAllLearners"]).And.NotContain("Learn");
        (await CapabilitiesOf("owner admin")).Should().BeEquivalentTo(await CapabilitiesOf("trainer"));
    }

    private async Task<(HttpMethod Method, string Path, object? Body)> RequestForAsync(string route)
    {
        var c = $"/cohorts/{_cohortId}";
        var split = route.Split(' ', 2);
        var method = new HttpMethod(split[0]);
        (string Path, object? Body) request = split[1] switch
        {
            "/cohorts/{cohortId}" => (c, method == HttpMethod.Put ? _settings : null),
            "/public/cohorts/{cohortId}" => ($"/public/cohorts/{_cohortId}", null),
            "/cohorts/{cohortId}/applications" => ($"{c}/applications", method == HttpMethod.Post ? new { motivation = "Je postule." } : null),
            "/cohorts/{cohortId}/applications/{applicationId}/decision" => ($"{c}/applications/{_admittedApplicationId}/decision", new { decision = "Admit" }),
            "/cohorts/{cohortId}/applications/{applicationId}/withdraw" => ($"{c}/applications/{_rejectedApplicationId}/withdraw", null),
            "/cohorts/{cohortId}/members" => ($"{c}/members", method == HttpMethod.Post ? new { userId = _learnerId, role = "Mentor" } : null),
            "/cohorts/{cohortId}/members/{userId}" => ($"{c}/members/{_trainerId}", null),
            "/cohorts/{cohortId}/enrolments" => ($"{c}/enrolments", new { emails = new[] { _partnerEmployeeEmail } }),
            "/cohorts/{cohortId}/enrolments/bulk" => ($"{c}/enrolments/bulk?dryRun=true", new { emails = new[] { _partnerEmployeeEmail } }),
            "/cohorts/{cohortId}/members/{userId}/mentor" => ($"{c}/members/{_learnerId}/mentor", new { mentorId = _mentorId }),
            "/cohorts/{cohortId}/members/{userId}/pacing" => ($"{c}/members/{_learnerId}/pacing", method == HttpMethod.Put ? new { shifts = Array.Empty<object>(), extraResources = Array.Empty<object>() } : null),
            "/cohorts/{cohortId}/invitations" => ($"{c}/invitations", method == HttpMethod.Post ? new { email = "invitee@example.test" } : null),
            "/cohorts/{cohortId}/groups" => ($"{c}/groups", method == HttpMethod.Post ? new { name = "Groupe du tableau", memberIds = Array.Empty<Guid>() } : null),
            "/cohorts/{cohortId}/groups/auto" => ($"{c}/groups/auto", new { groupSize = 2 }),

            // Each deletion dissolves a group of its own, so that the others still find theirs.
            "/cohorts/{cohortId}/groups/{groupId}" => ($"{c}/groups/{(method == HttpMethod.Delete ? await NewGroupAsync() : _groupId)}",
                method == HttpMethod.Put ? new { name = "Groupe du tableau", memberIds = Array.Empty<Guid>() } : null),
            "/cohorts/{cohortId}/partners" => ($"{c}/partners", method == HttpMethod.Post ? new { organizationId = _partnerId } : null),
            "/organizations/{organizationId}/partnerships/{cohortId}/accept" => ($"/organizations/{_partnerId}/partnerships/{_cohortId}/accept", null),
            "/organizations/{organizationId}/partnerships/{cohortId}/decline" => ($"/organizations/{_partnerId}/partnerships/{_cohortId}/decline", null),
            "/cohorts/{cohortId}/schedule" => ($"{c}/schedule", null),
            "/cohorts/{cohortId}/schedule?userId=" => ($"{c}/schedule?userId={_learnerId}", null),
            "/cohorts/{cohortId}/progress" => ($"{c}/progress", null),
            "/cohorts/{cohortId}/activities/{activityId}/completion" => ($"{c}/activities/{_activityId}/completion", null),
            "/cohorts/{cohortId}/activities/{activityId}/file" => ($"{c}/activities/{_activityId}/file", null),
            "/cohorts/{cohortId}/assignments" => ($"{c}/assignments", method == HttpMethod.Post ? Assessment.AssessmentWorld.TextAssignment() : null),
            "/cohorts/{cohortId}/members/{userId}/competencies" => ($"{c}/members/{_learnerId}/competencies", null),
            "/cohorts/{cohortId}/competencies/heatmap" => ($"{c}/competencies/heatmap", null),
            "/cohorts/{cohortId}/gradebook" => ($"{c}/gradebook", null),
            "/cohorts/{cohortId}/gradebook.csv" => ($"{c}/gradebook.csv", null),
            "/cohorts/{cohortId}/gradebook/policy" => ($"{c}/gradebook/policy",
                method == HttpMethod.Put ? new { categories = new[] { new { name = "Devoirs", weight = 100m, dropLowest = 0 } }, passMark = 50m, missingCountsAsZero = false } : null),
            "/cohorts/{cohortId}/threads" => ($"{c}/threads", method == HttpMethod.Post ? new { title = "Question du tableau", body = "Qui peut écrire ?" } : null),
            "/cohorts/{cohortId}/threads?announcement" => ($"{c}/threads", new { title = "Annonce du tableau", body = "À tous", announcement = true }),
            "/cohorts/{cohortId}/forum" => ($"{c}/forum", null),
            "/cohorts/{cohortId}/forum/mentionable" => ($"{c}/forum/mentionable?q=a", null),
            "/cohorts/{cohortId}/conversations" => ($"{c}/conversations", method == HttpMethod.Post ? new { learnerId = _learnerId } : null),
            "/cohorts/{cohortId}/agenda" => ($"{c}/agenda?from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z", null),

            // A feed takes no sign-in: each person calls it with the token of their own subscription.
            "/cohorts/{cohortId}/calendar.ics" => ($"{c}/calendar.ics?token={{token}}", null),

            "/cohorts/{cohortId}/sessions" => ($"{c}/sessions", method == HttpMethod.Post ? SessionBody() : null),
            "/cohorts/{cohortId}/attendance" => ($"{c}/attendance", null),
            "/sessions/{sessionId}" => ($"/sessions/{_sessionId}", method == HttpMethod.Patch ? new { title = "Classe virtuelle du tableau" } : null),

            // Each cancellation cancels a session of its own, so that the other routes still find theirs open.
            "/sessions/{sessionId}/cancel" => ($"/sessions/{await NewSessionAsync()}/cancel", new { reason = "Le tableau l'annule" }),
            "/sessions/{sessionId}/readiness" => ($"/sessions/{_sessionId}/readiness", null),
            "/sessions/{sessionId}/check-in-code" => ($"/sessions/{_sessionId}/check-in-code", null),
            "/sessions/{sessionId}/check-in" => ($"/sessions/{_sessionId}/check-in", new { code = "------" }), // a wrong code: 409 on its merits
            "/sessions/{sessionId}/attendance" => ($"/sessions/{_sessionId}/attendance",
                method == HttpMethod.Put ? new { records = new[] { new { userId = _learnerId, status = "Present" } } } : null),
            "/cohorts/{cohortId}/certification/rules" => ($"{c}/certification/rules", method == HttpMethod.Put ? new { minFinalGrade = 0m } : null),
            "/cohorts/{cohortId}/certification/eligibility" => ($"{c}/certification/eligibility", null),
            "/cohorts/{cohortId}/certification/eligibility.csv" => ($"{c}/certification/eligibility.csv", null),
            "/cohorts/{cohortId}/certification/eligibility/me" => ($"{c}/certification/eligibility/me", null),
            "/cohorts/{cohortId}/certification/history" => ($"{c}/certification/history", null),
            "/cohorts/{cohortId}/certificates" => ($"{c}/certificates", method == HttpMethod.Post ? new { allEligible = true } : null),
            "/certificates/{certificateId}" => ($"/certificates/{_certificateId}", null),
            "/certificates/{certificateId}/pdf" => ($"/certificates/{_certificateId}/pdf", null),
            "/certificates/{certificateId}/credential" => ($"/certificates/{_certificateId}/credential", null),

            // The first revocation stands; the next ones answer 409 certificate-revoked on their merits.
            "/cohorts/{cohortId}/follow-up" => ($"{c}/follow-up", null),
            "/cohorts/{cohortId}/follow-up/rules" => ($"{c}/follow-up/rules", method == HttpMethod.Put ? new { rules = new[] { new { kind = "MissedDeadlines", enabled = true, watchFrom = 1m, atRiskFrom = 2m } } } : null),
            "/cohorts/{cohortId}/members/{userId}/skills" => ($"{c}/members/{_learnerId}/skills", null),
            "/cohorts/{cohortId}/skills" => ($"{c}/skills", null),
            "/cohorts/{cohortId}/skills/export" => ($"{c}/skills/export?format=xlsx", null),
            "/cohorts/{cohortId}/members/{userId}/notes" => ($"{c}/members/{_learnerId}/notes", method == HttpMethod.Post ? new { body = "Note du **tableau**" } : null),

            // A note of the trainer's, its author alone deletes it: each deletion takes a note of its own.
            "/cohorts/{cohortId}/members/{userId}/notes/{noteId}" => ($"{c}/members/{_learnerId}/notes/{await NewNoteAsync()}", null),
            "/cohorts/{cohortId}/members/{userId}/actions" => ($"{c}/members/{_learnerId}/actions",
                method == HttpMethod.Post ? new { kind = "Call", title = "Appel du tableau", dueOn = "2027-03-01" } : null),

            // Each change closes an action of its own (a closed one answers 409 action-closed on its merits).
            "/cohorts/{cohortId}/members/{userId}/actions/{actionId}" => ($"{c}/members/{_learnerId}/actions/{await NewActionAsync()}", new { status = "Done" }),
            "/cohorts/{cohortId}/members/{userId}/timeline" => ($"{c}/members/{_learnerId}/timeline", null),
            "/certificates/{certificateId}/revoke" => ($"/certificates/{_certificateId}/revoke", new { reason = "Le tableau le révoque" }),
            _ => throw new InvalidOperationException($"No request written for the row {route}: add one here."),
        };
        return (method, request.Path, request.Body);
    }

    private readonly Dictionary<string, string> _calendarTokens = [];

    private async Task<string> CalendarTokenOfAsync(string person)
    {
        if (!_calendarTokens.TryGetValue(person, out var token))
        {
            token = (await (await _as[person].PostAsync("/api/v1/me/calendar-feed", null)).ReadJsonAsync())["token"]!.GetValue<string>();
            _calendarTokens[person] = token;
        }

        return token;
    }

    /// <summary>A virtual class that started five minutes ago, with its check-in code shown.</summary>
    private static object SessionBody() => new
    {
        title = "Classe virtuelle du tableau", kind = "VirtualClass", startsAt = DateTimeOffset.UtcNow.AddMinutes(-5), endsAt = DateTimeOffset.UtcNow.AddHours(1),
        meetingUrl = "https://visio.example.test/tableau",
    };

    private async Task<Guid> NewSessionAsync()
    {
        var created = await _as["trainer"].PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/sessions", SessionBody());
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await _as["trainer"].PostAsync($"/api/v1/sessions/{id}/check-in-code", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    private async Task<Guid> NewNoteAsync()
    {
        var created = await _as["trainer"].PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/members/{_learnerId}/notes", new { body = "Note à effacer" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> NewActionAsync()
    {
        var created = await _as["trainer"].PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/members/{_learnerId}/actions", new { kind = "Meeting", title = "Rendez-vous du tableau", dueOn = "2027-03-01" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> NewGroupAsync()
    {
        var created = await _as["trainer"].PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/groups", new { name = "Groupe à dissoudre", memberIds = Array.Empty<Guid>() });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>"/api/v1/cohorts/{cohortId:guid}/members" → "/cohorts/{cohortId}/members", as the docs write routes.</summary>
    private static string Template(string raw) => Constraint().Replace(raw, "{$1}").Replace("/api/v1", "", StringComparison.Ordinal);

    private static Dictionary<string, string[]> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "capabilities.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| route |", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0, "docs/capabilities.md holds the table");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells.Length == People.Length + 1 ? cells[1..] : throw new FormatException($"{cells[0]}: one cell per person"));
    }

    [GeneratedRegex(@"\{(\w+):[^}]*\}")]
    private static partial Regex Constraint();
}
