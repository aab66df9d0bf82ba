using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Integrations;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Certification;

/// <summary>
/// Syncing a cohort's certificates by <c>updatedSince</c> (ADR 0046), as an HR system keeping its training records would:
/// issues and revocations come back (a revocation is a change of status, never a deletion, so no tombstone); making the
/// credential is no change; the cursor skips nothing; changes wait until they settle. No rules are set: every learner is eligible.
/// </summary>
public sealed class CertificateSyncTests
{
    // A minute behind: tokens are issued on this clock and checked against the real one (30 s of skew), so the moves below stay behind it.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddMinutes(-1));
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory { Clock = _clock };

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static SyncReader Certificates(CertificationWorld w, SpocApiFactory factory, HttpClient? caller = null) => new(factory, caller ?? w.Trainer, $"{w.Cohort}/certificates");

    private void Settle() => _clock.Advance(TimeSpan.FromSeconds(6));

    private static async Task<JsonObject> IssueAsync(CertificationWorld w, Guid learnerId)
    {
        var response = await w.IssueAsync(new { userId = learnerId });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task RevokeAsync(CertificationWorld w, Guid certificateId) =>
        (await w.Trainer.PostAsJsonAsync($"/api/v1/certificates/{certificateId}/revoke", new { reason = "Fraude à l'examen" })).StatusCode.Should().Be(HttpStatusCode.OK);

    private static Guid Id(JsonObject certificate) => certificate["id"]!.GetValue<Guid>();

    [Test]
    public async Task Issues_and_revocations_come_back_and_making_the_credential_is_no_change()
    {
        var w = await CertificationWorld.CreateAsync(_factory, learners: 2, figures: false);
        var (first, second) = (await IssueAsync(w, w.LearnerId(0)), await IssueAsync(w, w.LearnerId(1)));
        Settle();

        var sync = Certificates(w, _factory);
        var issued = await sync.ChangesAsync(SyncReader.Beginning);
        issued.Select(sync.IdOf).Should().BeEquivalentTo([Id(first), Id(second)]);
        issued.Should().OnlyContain(c => c["status"]!.GetValue<string>() == "Valid" && c["deleted"] == null);

        (await w.Trainer.GetAsync($"/api/v1/certificates/{Id(second)}/credential")).StatusCode.Should().Be(HttpStatusCode.OK);
        await RevokeAsync(w, Id(first));
        var reissued = await IssueAsync(w, w.LearnerId(0));
        Settle();
        var changed = await sync.AfterAsync(issued[^1]);
        changed.Select(sync.IdOf).Should().BeEquivalentTo([Id(first), Id(reissued)], "the revocation and the new certificate; the credential changed nothing listed");
        var revoked = changed.Single(c => sync.IdOf(c) == Id(first));
        (revoked["status"]!.GetValue<string>(), revoked["revocationReason"]!.GetValue<string>()).Should().Be(("Revoked", "Fraude à l'examen"));
        changed.Single(c => sync.IdOf(c) == Id(reissued))["status"]!.GetValue<string>().Should().Be("Valid");

        (await sync.AfterAsync(changed[^1])).Should().BeEmpty();
    }

    [Test]
    public async Task A_revocation_made_while_a_system_pages_is_read_later_and_nothing_is_skipped()
    {
        var w = await CertificationWorld.CreateAsync(_factory, learners: 5, figures: false);
        var batch = await w.IssueAsync(new { allEligible = true }); // one save: five certificates with the same time, told apart by id
        batch.StatusCode.Should().Be(HttpStatusCode.OK, await batch.Content.ReadAsStringAsync());
        var issued = (await batch.ReadJsonAsync())["issued"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToList();
        issued.Should().HaveCount(5);
        Settle();

        var sync = Certificates(w, _factory);
        var revoked = Guid.Empty;
        var seen = (await sync.PageThroughAsync(SyncReader.Beginning, pageSize: 2, async page =>
        {
            revoked = sync.IdOf(page[0]);
            await RevokeAsync(w, revoked);
            Settle();
        })).Select(sync.IdOf).ToList();

        seen.Should().Contain(issued, "no certificate is skipped although one was revoked while paging");
        seen.Count(id => id == revoked).Should().Be(2, "the certificate revoked between pages comes back revoked");
    }

    [Test]
    public async Task A_change_is_held_back_until_it_settles_and_malformed_cursors_are_refused()
    {
        var w = await CertificationWorld.CreateAsync(_factory, learners: 1, figures: false);
        Settle();
        var before = _clock.GetUtcNow();
        var certificate = await IssueAsync(w, w.LearnerId(0));

        var sync = Certificates(w, _factory);
        (await sync.ChangesAsync(before)).Should().BeEmpty("a change of the last seconds may still have uncommitted neighbours");
        Settle();
        (await sync.ChangesAsync(before)).Select(sync.IdOf).Should().Equal(Id(certificate));

        await (await w.Trainer.GetAsync($"{w.Cohort}/certificates?afterId={Id(certificate)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await w.Trainer.GetAsync($"{w.Cohort}/certificates?updatedSince=2026-13-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await w.Trainer.GetAsync($"{sync.Url(before)}&status=Valid")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Sync_keeps_the_lists_access_rules_and_opens_to_an_API_client_with_certificates_read()
    {
        var w = await CertificationWorld.CreateAsync(_factory, learners: 1, figures: false);
        var certificate = await IssueAsync(w, w.LearnerId(0));
        Settle();
        var url = Certificates(w, _factory).Url(SyncReader.Beginning);

        var (_, elsewhereAdmin) = await w.World.World.PartnerAsync();
        await (await elsewhereAdmin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await w.Mentor.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await w.Learner(0).GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var (orgAdmin, _, _) = (await _factory.PeopleAsync(1, "org-admin", w.World.World.OrganizationId, OrganizationRole.OrgAdmin)).Single();
        var (clientId, secret) = await orgAdmin.CreateApiClientAsync(w.World.World.OrganizationId, "certificates:read", "cohorts:read");
        var system = await _factory.AsApiClientAsync(clientId, secret, scope: "certificates:read");
        (await Certificates(w, _factory, system).ChangesAsync(SyncReader.Beginning)).Select(c => c["id"]!.GetValue<Guid>()).Should().Equal(Id(certificate));
        var narrow = await _factory.AsApiClientAsync(clientId, secret, scope: "cohorts:read");
        await (await narrow.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
    }
}
