using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

public sealed class DemoAssessmentTests
{
    [Test]
    public async Task The_demo_cohort_has_one_assignment_of_each_kind_once_however_often_the_app_starts()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var trainer = await factory.SignedInClientAsync("benoit.lefevre@demo.spoc.local", "Spoc-Demo-2026");
        var cohortId = (await (await trainer.GetAsync("/api/v1/cohorts")).ReadJsonAsync())["items"]![0]!["id"]!.GetValue<Guid>();

        var assignments = (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/assignments")).ReadJsonAsync())["items"]!.AsArray();

        assignments.Select(a => a!["kind"]!.GetValue<string>()).Should().Equal("Quiz", "Text", "File", "GroupProject");
        assignments[0]!["questions"]!.AsArray().Should().HaveCount(4);
        using (var scope = factory.Services.CreateScope())
        {
            await factory.Services.GetServices<Spoc.SharedKernel.Persistence.IStartupTask>().Single(t => t.GetType().Name == "DemoAssessment").RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/assignments")).ReadJsonAsync())["totalCount"]!.GetValue<int>().Should().Be(4);
    }
}
