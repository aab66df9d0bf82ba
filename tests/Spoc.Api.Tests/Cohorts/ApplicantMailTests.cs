using System.Net;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Cohorts.Data;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>The decision mail as it leaves the platform: a real MIME message in the pickup folder.</summary>
public sealed class ApplicantMailTests
{
    [Test]
    public async Task A_cohort_title_holding_a_header_line_cannot_add_a_header_to_the_mail()
    {
        using var factory = new SpocApiFactory();
        var world = await CohortWorld.CreateAsync(factory);
        var (learner, _, email) = await world.LearnerAsync();
        var cohortId = await world.CohortAsync();
        // Stored as it is, bypassing request validation: the mail must stay safe whatever data reaches it (older rows, other writers).
        const string evil = "Evil\r\nBcc: x@evil.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CohortsDbContext>().Cohorts.Where(c => c.Id == cohortId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, evil));
        }

        var sent = RecordingEmailSender.Next(email, m => m.Subject.StartsWith("Evil", StringComparison.Ordinal));
        var applicationId = await CohortWorld.ApplyAsync(learner, cohortId);
        (await world.DecideAsync(cohortId, applicationId, "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        await sent;

        var eml = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml")
            .Select(file => (Raw: File.ReadAllText(file), Message: MimeMessage.Load(file)))
            .Single(m => m.Message.To.Mailboxes.Any(a => a.Address == email) && (m.Message.Subject ?? "").StartsWith("Evil", StringComparison.Ordinal));
        eml.Message.Bcc.Mailboxes.Should().BeEmpty();
        eml.Message.Headers.Contains(HeaderId.Bcc).Should().BeFalse();
        eml.Raw.Split("\r\n").Should().NotContain(line => line.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        eml.Message.Subject.Should().Be("Evil  Bcc: x@evil.example : Vous êtes admis·e");
        eml.Message.TextBody.Should().Contain("Evil").And.Contain("/applications");
    }
}
