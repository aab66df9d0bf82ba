using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community;

public sealed class DemoForumsTests
{
    [Test]
    public async Task The_demo_cohort_has_an_announcement_discussions_with_replies_and_a_group_space_once_however_often_the_app_starts()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var trainer = await factory.SignedInClientAsync("benoit.lefevre@demo.spoc.local", "Spoc-Demo-2026");
        var cohortId = (await (await trainer.GetAsync("/api/v1/cohorts")).ReadJsonAsync())["items"]![0]!["id"]!.GetValue<Guid>();
        var threads = (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/threads")).ReadJsonAsync())["items"]!.AsArray();

        threads.Should().HaveCount(4);
        threads[0]!["isAnnouncement"]!.GetValue<bool>().Should().BeTrue();
        threads[0]!["isPinned"]!.GetValue<bool>().Should().BeTrue();
        threads.Count(t => t!["groupId"] is not null).Should().Be(1, "one thread in a group's space");
        threads.Where(t => !t!["isAnnouncement"]!.GetValue<bool>()).Should().OnlyContain(t => t!["replyCount"]!.GetValue<int>() >= 1);
        threads.Single(t => t!["isAnswered"]!.GetValue<bool>())!["answeredByStaff"]!.GetValue<bool>().Should().BeTrue();

        var answered = threads.Single(t => t!["isAnswered"]!.GetValue<bool>())!["id"]!.GetValue<Guid>();
        var posts = (await (await trainer.GetAsync($"/api/v1/threads/{answered}")).ReadJsonAsync())["posts"]!["items"]!.AsArray();
        posts.Should().HaveCount(3);
        posts[2]!["bodyHtml"]!.GetValue<string>().Should().Contain("class=\"mention\"");

        using (var scope = factory.Services.CreateScope())
        {
            await factory.Services.GetServices<Spoc.SharedKernel.Persistence.IStartupTask>().Single(t => t.GetType().Name == "DemoForums").RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/threads")).ReadJsonAsync())["totalCount"]!.GetValue<int>().Should().Be(4);
    }
}
