using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community;

public sealed class DemoConversationTests
{
    [Test]
    public async Task The_demo_mentor_talks_with_her_two_learners_and_the_demo_learner_has_notifications()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var mentor = await factory.SignedInClientAsync("chloe.moreau@demo.spoc.local", "Spoc-Demo-2026");
        var learner = await factory.SignedInClientAsync("anais.girard@demo.spoc.local", "Spoc-Demo-2026");
        var cohortId = (await (await mentor.GetAsync("/api/v1/cohorts")).ReadJsonAsync())["items"]!.AsArray()
            .Single(c => c!["title"]!.GetValue<string>() == "Cohorte hiver")!["id"]!.GetValue<Guid>();

        var threads = (await (await mentor.GetAsync($"/api/v1/cohorts/{cohortId}/conversations")).ReadJsonAsync())["items"]!.AsArray();
        threads.Select(t => t!["learnerName"]!.GetValue<string>()).Should().BeEquivalentTo(["Anaïs Girard", "Jérôme Faure"]);
        threads.Single(t => t!["learnerName"]!.GetValue<string>() == "Jérôme Faure")!["unreadCount"]!.GetValue<int>().Should().Be(1);

        var own = (await (await learner.GetAsync($"/api/v1/cohorts/{cohortId}/conversations")).ReadJsonAsync())["items"]!.AsArray().Single()!;
        own["unreadCount"]!.GetValue<int>().Should().Be(1, "Chloé's answer waits for her");
        var messages = (await (await learner.GetAsync($"/api/v1/conversations/{own["id"]}/messages")).ReadJsonAsync())["items"]!.AsArray();
        messages.Should().HaveCount(2);
        messages[0]!["authorName"]!.GetValue<string>().Should().Be("Chloé Moreau");

        // The demo forums' reply and announcement reach her feed too, through the outbox, whenever it dispatches them.
        var seeded = (await learner.FeedAsync()).Where(n => n!["kind"]!.GetValue<string>() is not ("Reply" or "Announcement" or "Mention")).ToList();
        seeded.Select(n => n!["kind"]!.GetValue<string>()).Should().Equal("Message", "GradeReleased", "Admission");
        seeded.Count(n => n!["readAt"] is null).Should().Be(2);
        (await mentor.FeedAsync()).Count(n => n!["kind"]!.GetValue<string>() == "Message" && n["readAt"] is null).Should().Be(1);
    }
}
