using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community.Sessions;

public sealed class DemoSessionsTests
{
    [Test]
    public async Task The_demo_cohort_has_past_sessions_with_attendance_an_upcoming_virtual_class_with_preparation_and_an_in_person_day_once()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var trainer = await factory.SignedInClientAsync("benoit.lefevre@demo.spoc.local", "Spoc-Demo-2026");
        var cohortId = (await (await trainer.GetAsync("/api/v1/cohorts")).ReadJsonAsync())["items"]![0]!["id"]!.GetValue<Guid>();
        var sessions = (await SessionWorld.GetAsync(trainer, $"/api/v1/cohorts/{cohortId}/sessions"))["items"]!.AsArray();
        sessions.Should().HaveCount(5);

        var past = sessions.Where(s => s!["endsAt"]!.GetValue<DateTimeOffset>() < DateTimeOffset.UtcNow).ToList();
        past.Should().HaveCount(3);
        var sheet = await SessionWorld.GetAsync(trainer, $"/api/v1/sessions/{past[0]!["id"]!.GetValue<Guid>()}/attendance");
        sheet["items"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(r => r!["status"] != null);
        sheet["rate"].Should().NotBeNull();

        var upcoming = sessions.Single(s => s!["kind"]!.GetValue<string>() == "VirtualClass" && s["startsAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow)!;
        upcoming["preparations"]!.AsArray().Should().HaveCount(2);
        var day = sessions.Single(s => s!["kind"]!.GetValue<string>() == "InPerson")!;
        day["place"]!.GetValue<string>().Should().NotBeNullOrEmpty();

        using (var scope = factory.Services.CreateScope())
        {
            await factory.Services.GetServices<Spoc.SharedKernel.Persistence.IStartupTask>().Single(t => t.GetType().Name == "DemoSessions").RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        (await SessionWorld.GetAsync(trainer, $"/api/v1/cohorts/{cohortId}/sessions"))["totalCount"]!.GetValue<int>().Should().Be(5);
    }
}
