using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.FollowUp;

public sealed class DemoJournalTests
{
    [Test]
    public async Task The_demo_mentor_finds_her_learners_journals_and_anais_sees_her_extension_but_no_note()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var mentor = await factory.SignedInClientAsync("chloe.moreau@demo.spoc.local", "Spoc-Demo-2026");
        var anais = await factory.SignedInClientAsync("anais.girard@demo.spoc.local", "Spoc-Demo-2026");
        var cohortId = (await (await mentor.GetAsync("/api/v1/cohorts")).ReadJsonAsync())["items"]!.AsArray()
            .Single(c => c!["title"]!.GetValue<string>() == "Cohorte hiver")!["id"]!.GetValue<Guid>();
        var anaisId = (await (await anais.GetAsync("/api/v1/me")).ReadJsonAsync())["id"]!.GetValue<Guid>();

        var notes = (await (await mentor.GetAsync($"/api/v1/cohorts/{cohortId}/members/{anaisId}/notes")).ReadJsonAsync())["items"]!.AsArray();
        notes.Should().ContainSingle().Which!["authorName"]!.GetValue<string>().Should().Be("Chloé Moreau");
        var shifts = (await (await mentor.GetAsync($"/api/v1/cohorts/{cohortId}/members/{anaisId}/pacing")).ReadJsonAsync())["shifts"]!.AsArray();
        shifts.Sum(s => s!["days"]!.GetValue<int>()).Should().Be(7, "her week's extension is applied to her due dates");

        var raw = await (await anais.GetAsync("/api/v1/me/follow-up")).Content.ReadAsStringAsync();
        raw.Should().Contain("Une semaine de plus").And.NotContain("horaires décalés");
    }
}
