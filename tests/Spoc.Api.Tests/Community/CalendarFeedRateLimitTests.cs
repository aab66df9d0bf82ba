using System.Net;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community;

/// <summary>The .ics feeds are anonymous and each answer re-reads the owner's cohorts: a window per token bounds a runaway client.</summary>
public sealed class CalendarFeedRateLimitTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:FeedPermitsPerToken"] = "2" });

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<string> FeedPathAsync()
    {
        var (me, _, _) = await _factory.NewUserAsync();
        var url = (await (await me.PostAsync("/api/v1/me/calendar-feed", null)).ReadJsonAsync())["url"]!.GetValue<string>();
        return new Uri(url).PathAndQuery;
    }

    [Test]
    public async Task A_feed_answers_a_calendar_apps_polling_then_429_with_Retry_After_and_other_tokens_are_untouched()
    {
        var anonymous = _factory.CreateClient();
        var mine = await FeedPathAsync();
        (await anonymous.GetAsync(mine)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync(mine)).StatusCode.Should().Be(HttpStatusCode.OK);

        var third = await anonymous.GetAsync(mine);
        await third.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        third.Headers.RetryAfter!.Delta.Should().BePositive();

        (await anonymous.GetAsync(await FeedPathAsync())).StatusCode.Should().Be(HttpStatusCode.OK, "the window is per token, not per address");
    }
}
