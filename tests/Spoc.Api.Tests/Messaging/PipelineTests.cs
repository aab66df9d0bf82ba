using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Messaging;

/// <summary>Pipeline behaviours only run when listed in AddMediator: each one's effect is observed here.</summary>
public sealed class PipelineTests
{
    [Test]
    public async Task Logging_behaviour_logs_each_message_with_its_duration()
    {
        using var factory = new SpocApiFactory();
        var email = TestApi.UniqueEmail();
        (await factory.CreateClient().RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);
        var me = await factory.SignedInClientAsync(email);

        (await me.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        factory.Logs.Should().Contain(l => l.Contains("LoggingBehavior") && l.Contains("Handled GetMe.Query in"));
        factory.Logs.Should().Contain(l => l.Contains("Handled RegisterUser.Command in"));
    }

    [Test]
    public async Task Validation_behaviour_stops_invalid_messages_before_the_handler()
    {
        using var factory = new SpocApiFactory();

        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "nope", password = "Passw0rd-x", displayName = "x" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!.AsObject().Should().ContainKey("email");
        factory.Logs.Should().Contain(l => l.Contains("RegisterUser.Command failed after") && l.Contains("ValidationException"));
        factory.Emails.Sent.Should().BeEmpty();
    }
}
