using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

public sealed class DemoAssessmentTests
{
    [Test]
    public async Task The_demo_cohort_has_assignments_of_each_kind_and_a_filled_gradebook_once_however_often_the_app_starts()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var trainer = await factory.SignedInClientAsync("benoit.lefevre@demo.spoc.local", "Spoc-Demo-2026");
        var cohorts = (await (await trainer.GetAsync("/api/v1/cohorts")).ReadJsonAsync())["items"]!.AsArray();
        cohorts.Select(c => c!["title"]!.GetValue<string>()).Should().Equal("Cohorte hiver", "Cohorte printemps");
        var cohortId = cohorts[0]!["id"]!.GetValue<Guid>();

        var assignments = (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/assignments")).ReadJsonAsync())["items"]!.AsArray();

        assignments.Select(a => a!["kind"]!.GetValue<string>()).Should().Equal("Quiz", "Text", "File", "Text", "GroupProject", "Text");
        assignments[0]!["questions"]!.AsArray().Should().HaveCount(4);

        // The gradebook: five learners, each with a grade from released work; the last one's second text is still a draft, this week's retrospective not graded yet.
        var book = await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/gradebook")).ReadJsonAsync();
        book["policy"]!["isDefault"]!.GetValue<bool>().Should().BeFalse();
        var rows = book["items"]!.AsArray();
        rows.Should().HaveCount(5);
        rows.Should().OnlyContain(r => r!["grade"] != null && r["cells"]![0]!["status"]!.GetValue<string>() == "Released");
        rows.SelectMany(r => r!["cells"]!.AsArray()).Count(c => c!["status"]!.GetValue<string>() == "Pending").Should().Be(4, "one grade is a draft, three retrospectives wait to be graded");
        // The risk analysis is graded with a rubric tied to C1 and C3: the heat map holds each released grade's mastery.
        var heatmap = (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/competencies/heatmap")).ReadJsonAsync())["items"]!.AsArray();
        decimal[] Latest(string code) => heatmap.Select(r => r!["latest"]![code]).Where(v => v is not null).Select(v => v!.GetValue<decimal>()).Order().ToArray();
        (Latest("C1"), Latest("C3")).Should().BeEquivalentTo((new[] { 70m, 70m, 70m, 100m }, new[] { 45m, 70m, 70m, 80m }), "the fifth learner's grade is a draft");
        var mentor = await factory.SignedInClientAsync("chloe.moreau@demo.spoc.local", "Spoc-Demo-2026");
        (await (await mentor.GetAsync($"/api/v1/cohorts/{cohortId}/gradebook")).ReadJsonAsync())["items"]!.AsArray().Should().HaveCount(2, "she mentors two of them");
        var learner = await factory.SignedInClientAsync("anais.girard@demo.spoc.local", "Spoc-Demo-2026");
        var own = (await (await learner.GetAsync($"/api/v1/cohorts/{cohortId}/gradebook")).ReadJsonAsync())["items"]!.AsArray();
        own.Should().ContainSingle().Which!["displayName"]!.GetValue<string>().Should().Be("Anaïs Girard");

        using (var scope = factory.Services.CreateScope())
        {
            await factory.Services.GetServices<Spoc.SharedKernel.Persistence.IStartupTask>().Single(t => t.GetType().Name == "DemoAssessment").RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/assignments")).ReadJsonAsync())["totalCount"]!.GetValue<int>().Should().Be(6);
        (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/gradebook")).ReadJsonAsync()).ToJsonString().Should().Be(book.ToJsonString());
    }
}
