using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Platform;

public sealed class OrganizationTests
{
    private SpocApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _admin = await _factory.AdminClientAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Admin_creates_an_organisation_with_location_and_etag()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Université de Lyon", slug = "univ-lyon-" + Guid.NewGuid().ToString("N")[..6] });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/organizations/{created["id"]}");
        response.Headers.ETag.Should().NotBeNull();
        (await _admin.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK);
        created["createdAt"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", "times are UTC with a Z");
    }

    [Test]
    public async Task Duplicate_slug_is_a_conflict()
    {
        var slug = "dup-" + Guid.NewGuid().ToString("N")[..8];
        await _admin.CreateOrganizationAsync(slug);

        await (await _admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Other", slug })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slug-taken");
    }

    [Test]
    public async Task A_learner_cannot_create_organisations()
    {
        var (learner, _, _) = await _factory.NewUserAsync("learner");

        await (await learner.PostAsJsonAsync("/api/v1/organizations", new { name = "Mine", slug = "mine-" + Guid.NewGuid().ToString("N")[..6] }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Adding_an_existing_account_makes_it_a_member_visible_in_me_and_in_the_directory()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var (trainer, _, trainerEmail) = await _factory.NewUserAsync("trainer");

        var added = await _admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email = trainerEmail, role = "Trainer" });
        added.StatusCode.Should().Be(HttpStatusCode.Created);

        var me = await (await trainer.GetAsync("/api/v1/me")).ReadJsonAsync();
        me["organizations"]!.AsArray().Should().ContainSingle(o => o!["organizationId"]!.GetValue<Guid>() == organizationId && o["role"]!.GetValue<string>() == "Trainer");

        var directory = await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members?role=Trainer")).ReadJsonAsync();
        directory["totalCount"]!.GetValue<int>().Should().Be(1);
        directory["items"]![0]!["email"]!.GetValue<string>().Should().Be(trainerEmail);

        await (await _admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email = trainerEmail, role = "Mentor" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-member");
    }

    [Test]
    public async Task Adding_a_registered_address_or_an_unknown_one_gets_the_same_answer()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var (_, _, registered) = await _factory.NewUserAsync("registered");
        var unknown = TestApi.UniqueEmail("unknown");

        async Task<string> AnswerAsync(string email)
        {
            var response = await _admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email, role = "Learner" });
            return $"{(int)response.StatusCode} {response.Headers.Location} {(await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL", StringComparison.Ordinal)}";
        }

        (await AnswerAsync(registered)).Should().Be(await AnswerAsync(unknown));
    }

    [Test]
    public async Task An_email_without_account_is_invited_by_mail_and_joins_by_registering_through_the_link()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var email = TestApi.UniqueEmail("invitee");

        var invited = await _admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email, role = "Mentor" });
        invited.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = await InvitationTokenAsync(email);

        var registered = await _factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "Passw0rd-Test", displayName = "Invitée", invitationToken = token });
        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        var invitee = await _factory.SignedInClientAsync(email);
        await TestApi.EventuallyAsync(async () =>
        {
            var me = await (await invitee.GetAsync("/api/v1/me")).ReadJsonAsync();
            return me["organizations"]!.AsArray().Any(o => o!["organizationId"]!.GetValue<Guid>() == organizationId && o["role"]!.GetValue<string>() == "Mentor");
        }, "the invitation became a Mentor membership");
    }

    [Test]
    public async Task Registering_with_an_invited_address_but_without_the_link_grants_nothing()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var email = TestApi.UniqueEmail("victim");
        await _admin.AddMemberAsync(organizationId, email, "OrgAdmin");
        var token = await InvitationTokenAsync(email);

        // Someone else grabs the address before the invitee: no email proof, no role.
        (await _factory.CreateClient().RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);
        var squatter = await _factory.SignedInClientAsync(email);
        await _factory.OutboxDispatchedAsync(); // every handler of UserRegistered has run
        (await (await squatter.GetAsync("/api/v1/me")).ReadJsonAsync())["organizations"]!.AsArray().Should().BeEmpty();
        await (await squatter.GetAsync($"/api/v1/organizations/{organizationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        // With the mailed token (which only the mailbox's owner has) an existing account joins; a stranger's token does nothing.
        var (stranger, _, _) = await _factory.NewUserAsync("stranger");
        await (await stranger.PostAsync($"/api/v1/organization-invitations/{token}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var accepted = await squatter.PostAsync($"/api/v1/organization-invitations/{token}/accept", null);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        await (await squatter.PostAsync($"/api/v1/organization-invitations/{token}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation-used");
    }

    private async Task<string> InvitationTokenAsync(string email)
    {
        await TestApi.EventuallyAsync(() => Task.FromResult(_factory.Emails.Sent.Any(m => m.To == email && m.Subject.Contains("Invitation"))), "the invitation is mailed");
        var body = _factory.Emails.Sent.Single(m => m.To == email && m.Subject.Contains("Invitation")).Body;
        return System.Text.RegularExpressions.Regex.Match(body, "invitation=([A-Za-z0-9_-]{43})").Groups[1].Value;
    }

    [Test]
    public async Task A_member_of_one_organisation_sees_nothing_of_another()
    {
        var mine = await _admin.CreateOrganizationAsync();
        var theirs = await _admin.CreateOrganizationAsync();
        var (orgAdmin, _, email) = await _factory.NewUserAsync("orgadmin");
        await _admin.AddMemberAsync(mine, email, "OrgAdmin");

        (await orgAdmin.GetAsync($"/api/v1/organizations/{mine}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await orgAdmin.GetAsync($"/api/v1/organizations/{theirs}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await orgAdmin.GetAsync($"/api/v1/organizations/{theirs}/members")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{theirs}/members", new { email = TestApi.UniqueEmail(), role = "Learner" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var list = await (await orgAdmin.GetAsync("/api/v1/organizations")).ReadJsonAsync();
        list["items"]!.AsArray().Select(o => o!["id"]!.GetValue<Guid>()).Should().Equal(mine);
    }

    [Test]
    public async Task A_learner_calling_an_org_admin_operation_gets_403()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var (learner, _, email) = await _factory.NewUserAsync("learner");
        await _admin.AddMemberAsync(organizationId, email, "Learner");

        await (await learner.GetAsync($"/api/v1/organizations/{organizationId}/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await learner.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email = TestApi.UniqueEmail(), role = "Learner" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await learner.GetAsync($"/api/v1/organizations/{organizationId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_stale_if_match_gets_412_and_the_current_one_updates()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var read = await _admin.GetAsync($"/api/v1/organizations/{organizationId}");
        var etag = read.Headers.ETag!.Tag;

        var first = await Put(organizationId, "Renamed once", etag);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.Should().NotBe(etag);

        await (await Put(organizationId, "Renamed with a stale copy", etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var current = await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}")).ReadJsonAsync();
        current["name"]!.GetValue<string>().Should().Be("Renamed once");

        (await Put(organizationId, "Renamed twice", first.Headers.ETag!.Tag)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Lists_are_paged_and_page_size_is_bounded()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        await _factory.PeopleAsync(3, "member", organizationId);

        var page = await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members?page=2&pageSize=2")).ReadJsonAsync();
        page["page"]!.GetValue<int>().Should().Be(2);
        page["pageSize"]!.GetValue<int>().Should().Be(2);
        page["totalCount"]!.GetValue<int>().Should().Be(3);
        page["items"]!.AsArray().Should().HaveCount(1);

        var defaults = await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members")).ReadJsonAsync();
        defaults["pageSize"]!.GetValue<int>().Should().Be(20);

        var tooBig = await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members?pageSize=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        tooBig["errors"]!.AsObject().Should().ContainKey("paging.pageSize");
        await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members?page=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Test]
    public async Task Listing_members_runs_the_same_number_of_queries_for_3_and_for_60_members()
    {
        async Task<int> QueriesToList(int members)
        {
            var organizationId = await _admin.CreateOrganizationAsync();
            await _factory.PeopleAsync(members, "member", organizationId);

            _factory.Queries.Reset();
            (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members?pageSize=100")).StatusCode.Should().Be(HttpStatusCode.OK);
            return _factory.Queries.Count;
        }

        var small = await QueriesToList(3);
        var large = await QueriesToList(60);

        large.Should().Be(small);
    }

    private Task<HttpResponseMessage> Put(Guid organizationId, string name, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organizations/{organizationId}") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return _admin.SendAsync(request);
    }
}
