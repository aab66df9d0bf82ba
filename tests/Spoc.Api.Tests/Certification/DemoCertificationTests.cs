using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Community.Sessions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Certification;

public sealed class DemoCertificationTests
{
    [Test]
    public async Task The_demo_cohort_has_rules_a_certified_learner_a_revoked_certificate_and_their_history_once()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var trainer = await factory.SignedInClientAsync("benoit.lefevre@demo.spoc.local", "Spoc-Demo-2026");
        var cohort = $"/api/v1/cohorts/{(await (await trainer.GetAsync("/api/v1/cohorts")).ReadJsonAsync())["items"]![0]!["id"]!.GetValue<Guid>()}";

        var rules = await SessionWorld.GetAsync(trainer, $"{cohort}/certification/rules");
        (rules["minFinalGrade"]!.GetValue<decimal>(), rules["minAttendancePercent"]!.GetValue<int>()).Should().Be((50m, 60));
        var certificates = (await SessionWorld.GetAsync(trainer, $"{cohort}/certificates"))["items"]!.AsArray();
        certificates.Select(c => c!["status"]!.GetValue<string>()).Should().BeEquivalentTo(["Valid", "Revoked"]);
        certificates.Single(c => c!["status"]!.GetValue<string>() == "Revoked")!["revocationReason"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        certificates.Should().OnlyContain(c => c!["holderName"]!.GetValue<string>().Length > 0 && c["organizationNames"]!.AsArray().Count > 0);
        var history = (await SessionWorld.GetAsync(trainer, $"{cohort}/certification/history"))["items"]!.AsArray();
        history.Select(e => e!["action"]!.GetValue<string>()).Should().Equal("Revoked", "Issued", "Issued");

        using (var scope = factory.Services.CreateScope())
        {
            await factory.Services.GetServices<Spoc.SharedKernel.Persistence.IStartupTask>().Single(t => t.GetType().Name == "DemoCertification").RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        (await SessionWorld.GetAsync(trainer, $"{cohort}/certificates"))["totalCount"]!.GetValue<int>().Should().Be(2);
    }
}
