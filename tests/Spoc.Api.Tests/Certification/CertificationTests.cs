using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Certification;

/// <summary>
/// Rules, eligibility against hand-computed figures (see <see cref="CertificationWorld"/>), issuance (one, all eligible,
/// idempotent, in parallel), revocation, reissue, history and the learner's notification, through HTTP. The steps build on
/// each other in the order of their names (S1, S2...), as NUnit runs them.
/// </summary>
public sealed class CertificationTests
{
    private SpocApiFactory _factory = null!;
    private CertificationWorld _w = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await CertificationWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static decimal? Number(JsonNode? node) => node?.GetValue<decimal>();

    private static (bool Required, bool Met, decimal? Value, decimal? Threshold) Criterion(JsonNode row, string name)
    {
        var c = row["criteria"]![name]!;
        return (c["required"]!.GetValue<bool>(), c["met"]!.GetValue<bool>(), Number(c["value"]), Number(c["threshold"]));
    }

    private async Task<JsonArray> EligibilityAsync(string query = "")
    {
        var response = await _w.Trainer.GetAsync($"{_w.Cohort}/certification/eligibility{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    [Test]
    public async Task S1_Rules_start_empty_are_validated_and_edited_under_their_ETag()
    {
        var empty = await _w.Trainer.GetAsync($"{_w.Cohort}/certification/rules");
        var body = await empty.ReadJsonAsync();
        (body["minFinalGrade"], body["updatedAt"]).Should().Be((null, null));
        body["requiredAssignmentIds"]!.AsArray().Should().BeEmpty();
        var etag = empty.Headers.ETag!.Tag;

        var invalid = await _w.Trainer.PutAsJsonAsync($"{_w.Cohort}/certification/rules",
            new { minFinalGrade = 101m, minCompletionPercent = -1, requiredAssignmentIds = new[] { Guid.NewGuid() }, requiredCompetencyCodes = new[] { "C9" } });
        var problem = await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["minFinalGrade", "minCompletionPercent"]);
        var unknown = await _w.Trainer.PutAsJsonAsync($"{_w.Cohort}/certification/rules", new { requiredAssignmentIds = new[] { Guid.NewGuid() }, requiredCompetencyCodes = new[] { "C9" } });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Select(e => e.Key)
            .Should().BeEquivalentTo(["requiredAssignmentIds", "requiredCompetencyCodes"]);

        await (await _w.Mentor.PutAsJsonAsync($"{_w.Cohort}/certification/rules", _w.Rules)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Learner(0).GetAsync($"{_w.Cohort}/certification/rules")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var outsider = (await _factory.NewUserAsync("outsider")).Client;
        await (await outsider.GetAsync($"{_w.Cohort}/certification/rules")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        using var first = new HttpRequestMessage(HttpMethod.Put, $"{_w.Cohort}/certification/rules") { Content = JsonContent.Create(_w.Rules) };
        first.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        var saved = await _w.Trainer.SendAsync(first);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var rules = await saved.ReadJsonAsync();
        rules["requiredCompetencyCodes"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("C1"); // as the course spells it
        rules["minFinalGrade"]!.GetValue<decimal>().Should().Be(50m);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"{_w.Cohort}/certification/rules") { Content = JsonContent.Create(_w.Rules) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        await (await _w.Trainer.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Test]
    public async Task S2_Each_learner_is_measured_against_each_criterion_with_their_figures()
    {
        var rows = (await EligibilityAsync("?sort=-grade")).Select(r => r!).ToList();
        rows.Select(r => r["userId"]!.GetValue<Guid>()).Should().Equal(_w.LearnerId(0), _w.LearnerId(1), _w.LearnerId(2));

        var (l0, l1, l2) = (rows[0], rows[1], rows[2]);
        Criterion(l0, "finalGrade").Should().Be((true, true, 100m, 50m));
        Criterion(l0, "completion").Should().Be((true, true, 100m, 50m));
        Criterion(l0, "attendance").Should().Be((true, true, 100m, 75m));
        Criterion(l0, "assignments").Should().Be((true, true, 1m, 1m));
        Criterion(l0, "competencies").Should().Be((true, true, 1m, 1m));
        l0["eligible"]!.GetValue<bool>().Should().BeTrue();

        // Exactly at the pass mark (50 %): the assignment is passed and C1 mastered; absent at the only session: 0 %.
        Criterion(l1, "finalGrade").Should().Be((true, true, 50m, 50m));
        Criterion(l1, "completion").Should().Be((true, true, 50m, 50m));
        Criterion(l1, "attendance").Should().Be((true, false, 0m, 75m));
        Criterion(l1, "assignments").Should().Be((true, true, 1m, 1m));
        Criterion(l1, "competencies").Should().Be((true, true, 1m, 1m));
        l1["eligible"]!.GetValue<bool>().Should().BeFalse();

        Criterion(l2, "finalGrade").Should().Be((true, false, 0m, 50m));
        Criterion(l2, "completion").Should().Be((true, false, 0m, 50m));
        Criterion(l2, "attendance").Should().Be((true, false, null, 75m));
        Criterion(l2, "assignments").Should().Be((true, false, 0m, 1m));
        Criterion(l2, "competencies").Should().Be((true, false, 0m, 1m));
        l2["missingAssignments"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).Should().Equal("Dossier avec grille");
        l2["missingCompetencies"]!.AsArray().Select(a => (a!["code"]!.GetValue<string>(), a["title"]!.GetValue<string>())).Should().Equal(("C1", "Planifier"));

        (await EligibilityAsync("?eligible=true")).Select(r => r!["userId"]!.GetValue<Guid>()).Should().Equal(_w.LearnerId(0));
        (await EligibilityAsync("?sort=completion&pageSize=1&page=2")).Single()!["userId"]!.GetValue<Guid>().Should().Be(_w.LearnerId(1));
        await (await _w.Trainer.GetAsync($"{_w.Cohort}/certification/eligibility?sort=shoe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var mentors = (await (await _w.Mentor.GetAsync($"{_w.Cohort}/certification/eligibility")).ReadJsonAsync())["items"]!.AsArray();
        mentors.Select(r => r!["userId"]!.GetValue<Guid>()).Should().Equal([_w.LearnerId(0)], "a mentor sees their own learners only");
        await (await _w.Learner(0).GetAsync($"{_w.Cohort}/certification/eligibility")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task S3_A_learner_reads_what_they_still_miss()
    {
        var mine = await (await _w.Learner(1).GetAsync($"{_w.Cohort}/certification/eligibility/me")).ReadJsonAsync();
        mine["userId"]!.GetValue<Guid>().Should().Be(_w.LearnerId(1));
        Criterion(mine, "attendance").Should().Be((true, false, 0m, 75m));
        mine["eligible"]!.GetValue<bool>().Should().BeFalse();
        await (await _w.Trainer.GetAsync($"{_w.Cohort}/certification/eligibility/me")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task S4_The_table_exports_as_csv_in_the_cohorts_locale()
    {
        var response = await _w.Trainer.GetAsync($"{_w.Cohort}/certification/eligibility.csv");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("Apprenant;Note (%);Note requise;");
        lines.Should().HaveCount(4);
        lines.Should().Contain(l => l.EndsWith(";50;50;50;50;0;75;1;1;1;1;non;", StringComparison.Ordinal), "learner 1's figures, French separators");
    }

    [Test]
    public async Task S5_Issuing_is_refused_to_the_ineligible_and_idempotent_for_the_eligible()
    {
        var refused = await (await _w.IssueAsync(new { userId = _w.LearnerId(1) })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not-eligible");
        refused["unmet"]!.AsObject().Select(c => c.Key).Should().Equal("attendance");
        await (await _w.IssueAsync(new { userId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _w.IssueAsync(new { userId = _w.LearnerId(0), allEligible = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _w.IssueAsync(new { userId = _w.LearnerId(0) }, _w.Mentor)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var created = await _w.IssueAsync(new { userId = _w.LearnerId(0) });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var certificate = await created.ReadJsonAsync();
        var id = certificate["id"]!.GetValue<Guid>();
        created.Headers.Location!.ToString().Should().Be($"/api/v1/certificates/{id}");
        certificate["holderName"]!.GetValue<string>().Should().NotBeEmpty();
        certificate["courseTitle"]!.GetValue<string>().Should().Be("Management de projet");
        certificate["cohortTitle"]!.GetValue<string>().Should().Be("Cohorte évaluée");
        certificate["organizationNames"]!.AsArray().Should().HaveCount(1);
        certificate["finalGrade"]!.GetValue<decimal>().Should().Be(100m);
        certificate["competencies"]!.AsArray().Select(c => (c!["code"]!.GetValue<string>(), c["title"]!.GetValue<string>())).Should().Equal(("C1", "Planifier"));
        certificate["verificationCode"]!.GetValue<string>().Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{26}$");
        certificate["shortCode"]!.GetValue<string>().Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{12}$");
        certificate["status"]!.GetValue<string>().Should().Be("Valid");

        var again = await _w.IssueAsync(new { userId = _w.LearnerId(0) });
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.ReadJsonAsync())["id"]!.GetValue<Guid>().Should().Be(id);
        var all = await (await _w.IssueAsync(new { allEligible = true })).ReadJsonAsync();
        (all["issued"]!.AsArray().Count, all["alreadyCertified"]!.GetValue<int>()).Should().Be((0, 1));

        (await (await _w.Learner(0).GetAsync($"/api/v1/certificates/{id}")).ReadJsonAsync())["id"]!.GetValue<Guid>().Should().Be(id);
        await (await _w.Learner(1).GetAsync($"/api/v1/certificates/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var row = (await EligibilityAsync("?eligible=true")).Single()!;
        (row["certificate"]!["id"]!.GetValue<Guid>(), row["certificate"]!["status"]!.GetValue<string>()).Should().Be((id, "Valid"));

        // The learner is told, with a link to their certificates.
        await _factory.OutboxDispatchedAsync();
        var feed = (await (await _w.Learner(0).GetAsync("/api/v1/me/notifications")).ReadJsonAsync())["items"]!.AsArray();
        feed.Should().Contain(n => n!["kind"]!.GetValue<string>() == "CertificateIssued" && n["link"]!.GetValue<string>() == "/me/certificates");
    }

    [Test]
    public async Task S6_Changing_the_rules_never_touches_an_issued_certificate()
    {
        var before = await (await _w.Trainer.GetAsync($"{_w.Cohort}/certificates?status=Valid")).ReadJsonAsync();
        await _w.SetRulesAsync(new { minFinalGrade = 100m, minCompletionPercent = 100, minAttendancePercent = 100, requiredCompetencyCodes = new[] { "C1", "C2" } });
        var after = await (await _w.Trainer.GetAsync($"{_w.Cohort}/certificates?status=Valid")).ReadJsonAsync();
        after.ToJsonString().Should().Be(before.ToJsonString());
        (await EligibilityAsync("?eligible=true")).Should().BeEmpty("nobody has mastered C2");
        await _w.SetRulesAsync(_w.Rules);
    }

    [Test]
    public async Task S7_Revocation_takes_a_reason_is_final_and_a_new_certificate_may_follow_with_new_codes()
    {
        var valid = (await (await _w.Trainer.GetAsync($"{_w.Cohort}/certificates?status=Valid")).ReadJsonAsync())["items"]!.AsArray().Single()!;
        var id = valid["id"]!.GetValue<Guid>();
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = new string('x', 501) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _w.Mentor.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "Fraude" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/certificates/{Guid.NewGuid()}/revoke", new { reason = "Fraude" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var revoked = await (await _w.Trainer.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "Plagiat avéré" })).ReadJsonAsync();
        (revoked["status"]!.GetValue<string>(), revoked["revocationReason"]!.GetValue<string>()).Should().Be(("Revoked", "Plagiat avéré"));
        revoked["revokedAt"].Should().NotBeNull();
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "Encore" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "certificate-revoked");

        var reissued = await _w.IssueAsync(new { userId = _w.LearnerId(0) });
        reissued.StatusCode.Should().Be(HttpStatusCode.Created);
        var fresh = await reissued.ReadJsonAsync();
        fresh["id"]!.GetValue<Guid>().Should().NotBe(id);
        fresh["verificationCode"]!.GetValue<string>().Should().NotBe(valid["verificationCode"]!.GetValue<string>());
        fresh["shortCode"]!.GetValue<string>().Should().NotBe(valid["shortCode"]!.GetValue<string>());

        var list = await (await _w.Trainer.GetAsync($"{_w.Cohort}/certificates")).ReadJsonAsync();
        list["items"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()).Should().Equal("Valid", "Revoked");
        (await (await _w.Trainer.GetAsync($"{_w.Cohort}/certificates?status=Revoked")).ReadJsonAsync())["totalCount"]!.GetValue<int>().Should().Be(1);

        var history = (await (await _w.Trainer.GetAsync($"{_w.Cohort}/certification/history")).ReadJsonAsync())["items"]!.AsArray();
        history.Select(e => e!["action"]!.GetValue<string>()).Should().Equal("Issued", "Revoked", "Issued");
        var revocation = history[1]!;
        (revocation["certificateId"]!.GetValue<Guid>(), revocation["reason"]!.GetValue<string>(), revocation["holderId"]!.GetValue<Guid>()).Should().Be((id, "Plagiat avéré", _w.LearnerId(0)));
        revocation["actorName"]!.GetValue<string>().Should().NotBeEmpty();
        revocation["holderName"]!.GetValue<string>().Should().NotBeEmpty();
        await (await _w.Mentor.GetAsync($"{_w.Cohort}/certification/history")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task S8_Parallel_issuance_makes_exactly_one_valid_certificate()
    {
        // Learner 1 becomes eligible (attendance no longer required); nobody has issued them anything yet.
        await _w.SetRulesAsync(new { minFinalGrade = 50m });
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 4 == 0
            ? _w.IssueAsync(new { allEligible = true })
            : _w.IssueAsync(new { userId = _w.LearnerId(1) })));
        foreach (var response in responses)
        {
            ((int)response.StatusCode).Should().BeOneOf([200, 201], await response.Content.ReadAsStringAsync());
        }

        var valid = (await (await _w.Trainer.GetAsync($"{_w.Cohort}/certificates?status=Valid&pageSize=100")).ReadJsonAsync())["items"]!.AsArray();
        valid.Count(c => c!["holderId"]!.GetValue<Guid>() == _w.LearnerId(1)).Should().Be(1);
        var singles = await Task.WhenAll(responses.Where((_, i) => i % 4 != 0).Select(async r => (await r.ReadJsonAsync())["id"]!.GetValue<Guid>()));
        singles.Distinct().Should().ContainSingle("every single issue answers the one valid certificate");
        await _w.SetRulesAsync(_w.Rules);
    }
}
