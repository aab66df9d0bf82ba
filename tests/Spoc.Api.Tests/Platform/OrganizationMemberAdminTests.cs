using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Platform;

/// <summary>An org admin changes roles and removes members: the last admin stays, races cannot remove it, removal ends the organisation role only.</summary>
public sealed class OrganizationMemberAdminTests
{
    private SpocApiFactory _factory = null!;
    private HttpClient _platformAdmin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _platformAdmin = await _factory.AdminClientAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static string Member(Guid organizationId, Guid userId) => $"/api/v1/organizations/{organizationId}/members/{userId}";

    [Test]
    public async Task An_org_admin_changes_a_role_and_the_directory_and_me_show_it()
    {
        var organizationId = await _platformAdmin.CreateOrganizationAsync();
        var (admin, _, _) = (await _factory.PeopleAsync(1, "admin", organizationId, OrganizationRole.OrgAdmin)).Single();
        var (learner, learnerId, _) = (await _factory.PeopleAsync(1, "learner", organizationId)).Single();

        var changed = await admin.PutAsJsonAsync(Member(organizationId, learnerId), new { role = "Trainer" });

        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await changed.ReadJsonAsync())["role"]!.GetValue<string>().Should().Be("Trainer");
        var me = await (await learner.GetAsync("/api/v1/me")).ReadJsonAsync();
        me["organizations"]!.AsArray().Single()!["role"]!.GetValue<string>().Should().Be("Trainer");
        var trainers = await (await admin.GetAsync($"/api/v1/organizations/{organizationId}/members?role=Trainer")).ReadJsonAsync();
        trainers["items"]!.AsArray().Select(m => m!["userId"]!.GetValue<Guid>()).Should().Equal(learnerId);
    }

    [Test]
    public async Task A_change_made_on_a_stale_copy_of_the_organisation_is_412_and_changes_nothing()
    {
        var organizationId = await _platformAdmin.CreateOrganizationAsync();
        var (admin, _, _) = (await _factory.PeopleAsync(1, "admin", organizationId, OrganizationRole.OrgAdmin)).Single();
        var (_, learnerId, _) = (await _factory.PeopleAsync(1, "learner", organizationId)).Single();
        var (stranger, _, _) = (await _factory.PeopleAsync(1, "stranger", await _platformAdmin.CreateOrganizationAsync(), OrganizationRole.OrgAdmin)).Single();
        var read = (await admin.GetAsync($"/api/v1/organizations/{organizationId}")).Headers.ETag!.Tag;

        (await Send(admin, HttpMethod.Put, read, new { role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.OK, "nothing changed since the read");
        await (await Send(admin, HttpMethod.Put, read, new { role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await (await Send(admin, HttpMethod.Delete, read, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await (await Send(stranger, HttpMethod.Delete, read, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var mentors = await (await admin.GetAsync($"/api/v1/organizations/{organizationId}/members?role=Mentor")).ReadJsonAsync();
        mentors["items"]!.AsArray().Select(m => m!["userId"]!.GetValue<Guid>()).Should().Equal(learnerId);
        var fresh = (await admin.GetAsync($"/api/v1/organizations/{organizationId}")).Headers.ETag!.Tag;
        (await Send(admin, HttpMethod.Delete, fresh, null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string etag, object? body)
        {
            var request = new HttpRequestMessage(method, Member(organizationId, learnerId)) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
            return client.SendAsync(request);
        }
    }

    [Test]
    public async Task The_last_org_admin_can_be_neither_demoted_nor_removed()
    {
        var organizationId = await _platformAdmin.CreateOrganizationAsync();
        var (admin, adminId, _) = (await _factory.PeopleAsync(1, "admin", organizationId, OrganizationRole.OrgAdmin)).Single();

        await (await admin.PutAsJsonAsync(Member(organizationId, adminId), new { role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last-org-admin");
        await (await admin.DeleteAsync(Member(organizationId, adminId))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last-org-admin");
        await (await _platformAdmin.DeleteAsync(Member(organizationId, adminId))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last-org-admin");

        var (_, secondId, _) = (await _factory.PeopleAsync(1, "second", organizationId)).Single();
        (await admin.PutAsJsonAsync(Member(organizationId, secondId), new { role = "OrgAdmin" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync(Member(organizationId, adminId), new { role = "Trainer" })).StatusCode.Should().Be(HttpStatusCode.OK, "another admin is left");
    }

    [Test]
    public async Task Two_admins_demoting_or_removing_each_other_at_once_leave_exactly_one_admin()
    {
        for (var round = 0; round < 4; round++)
        {
            var organizationId = await _platformAdmin.CreateOrganizationAsync();
            var admins = await _factory.PeopleAsync(2, "admin", organizationId, OrganizationRole.OrgAdmin);
            var (a, b) = (admins[0], admins[1]);

            var answers = await Task.WhenAll(
                round % 2 == 0 ? a.Client.PutAsJsonAsync(Member(organizationId, b.Id), new { role = "Learner" }) : a.Client.DeleteAsync(Member(organizationId, b.Id)),
                round % 2 == 0 ? b.Client.PutAsJsonAsync(Member(organizationId, a.Id), new { role = "Learner" }) : b.Client.DeleteAsync(Member(organizationId, a.Id)));

            answers.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.OK || s == HttpStatusCode.NoContent, "exactly one change wins");
            var loser = answers.Single(r => r.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent));

            // The loser reads their own standing after the winner's change: demoted (403) or removed (404).
            ((int)loser.StatusCode).Should().BeOneOf(403, 404);
            var remaining = await (await _platformAdmin.GetAsync($"/api/v1/organizations/{organizationId}/members?role=OrgAdmin")).ReadJsonAsync();
            remaining["totalCount"]!.GetValue<int>().Should().Be(1);
        }
    }

    [Test]
    public async Task A_removed_member_loses_the_organisation_but_keeps_their_account()
    {
        var organizationId = await _platformAdmin.CreateOrganizationAsync();
        var (admin, _, _) = (await _factory.PeopleAsync(1, "admin", organizationId, OrganizationRole.OrgAdmin)).Single();
        var (trainer, trainerId, _) = (await _factory.PeopleAsync(1, "trainer", organizationId, OrganizationRole.Trainer)).Single();
        (await trainer.GetAsync($"/api/v1/organizations/{organizationId}")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.DeleteAsync(Member(organizationId, trainerId))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await trainer.GetAsync($"/api/v1/organizations/{organizationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await (await trainer.GetAsync("/api/v1/me")).ReadJsonAsync())["organizations"]!.AsArray().Should().BeEmpty();
        await (await admin.DeleteAsync(Member(organizationId, trainerId))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.PutAsJsonAsync(Member(organizationId, trainerId), new { role = "Learner" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_member_of_another_organisation_is_not_found_here()
    {
        var organizationId = await _platformAdmin.CreateOrganizationAsync();
        var otherId = await _platformAdmin.CreateOrganizationAsync();
        var (admin, _, _) = (await _factory.PeopleAsync(1, "admin", organizationId, OrganizationRole.OrgAdmin)).Single();
        var (_, strangerId, _) = (await _factory.PeopleAsync(1, "stranger", otherId)).Single();

        await (await admin.PutAsJsonAsync(Member(organizationId, strangerId), new { role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.DeleteAsync(Member(organizationId, strangerId))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.PutAsJsonAsync(Member(otherId, strangerId), new { role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_missing_or_unknown_role_and_malformed_json_are_400()
    {
        var organizationId = await _platformAdmin.CreateOrganizationAsync();
        var (admin, _, _) = (await _factory.PeopleAsync(1, "admin", organizationId, OrganizationRole.OrgAdmin)).Single();
        var (_, learnerId, _) = (await _factory.PeopleAsync(1, "learner", organizationId)).Single();

        var missing = await (await admin.PutAsJsonAsync(Member(organizationId, learnerId), new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        missing["errors"]!.AsObject().Select(e => e.Key).Should().Contain("role");
        await (await admin.PutAsJsonAsync(Member(organizationId, learnerId), new { role = "Boss" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await admin.PutAsync(Member(organizationId, learnerId), TestApi.Json("{\"role\":"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await admin.PutAsJsonAsync($"/api/v1/organizations/{organizationId}/members/not-a-guid", new { role = "Learner" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
