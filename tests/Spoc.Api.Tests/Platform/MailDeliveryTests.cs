using System.Net;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Platform;

/// <summary>Mail leaves through the relay named in configuration, as a MIME message in the recipient's language.</summary>
public sealed class MailDeliveryTests
{
    [Test]
    public async Task With_an_smtp_host_configured_mail_goes_through_the_relay_instead_of_the_pickup_folder()
    {
        using var relay = new FakeSmtpServer();
        using var factory = new SpocApiFactory(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:UseStartTls"] = "false",
            ["Email:From"] = "Spoc Test <noreply@spoc.test>",
            ["Spoc:PublicUrl"] = "https://spoc.example.org/",
        });
        var email = TestApi.UniqueEmail();

        (await factory.CreateClient().RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);

        var (recipients, data) = relay.Received.Should().ContainSingle().Subject;
        recipients.Should().Equal(email);
        data.Should().Contain("From: Spoc Test <noreply@spoc.test>").And.Contain("Subject: Confirmez votre adresse e-mail")
            .And.Contain("https://spoc.example.org/verify-email?token"); // the body may be quoted-printable: "=" is encoded
        Directory.Exists(Path.Combine(factory.DataDirectory, "mail")).Should().BeFalse();
    }
}
