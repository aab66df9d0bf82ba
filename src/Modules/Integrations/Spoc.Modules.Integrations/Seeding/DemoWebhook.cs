using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Delivery;
using Spoc.Modules.Integrations.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Integrations.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: the school's HR system has received the admissions to Cohorte printemps by webhook (one after a
/// retry), and is paused while that system moves, so the demo sends nothing anywhere: Hélène Martin finds it, its log and
/// its attempts on "Webhooks", and can send a test ping. Once, however often the app starts.
/// </summary>
internal sealed class DemoWebhook(IConfiguration configuration, IDataProtectionProvider protection, TimeProvider clock) : IStartupTask
{
    private const string AdminEmail = "helene.martin@demo.spoc.local";
    private const string TrainerEmail = "benoit.lefevre@demo.spoc.local";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var people = (await sender.Send(new FindUsersByEmail([AdminEmail, TrainerEmail]), ct)).ToDictionary(u => u.Email, u => u.Id);
        var db = services.GetRequiredService<IntegrationsDbContext>();
        if (people.Count < 2 || (await sender.Send(new GetUserOrganizations(people[AdminEmail]), ct)).Memberships.FirstOrDefault(m => m.Role == OrganizationRole.OrgAdmin) is not { } school
            || (await sender.Send(new GetCohortMembershipsOfUser(people[TrainerEmail]), ct)).Where(m => m.Role == CohortRole.Trainer).MaxBy(m => m.StartsOn) is not { } cohort
            || await db.Endpoints.AnyAsync(e => e.OrganizationId == school.OrganizationId, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var start = now.AddDays(-12); // within the log's retention: older successes are purged
        var endpoint = new WebhookEndpoint
        {
            OrganizationId = school.OrganizationId, Url = "https://sirh.institut-lumiere.example/webhooks/spoc", Description = "SIRH Lumière — en pause pendant sa migration",
            EventTypes = [WebhookEventTypes.EnrolmentCreated, WebhookEventTypes.EnrolmentWithdrawn, WebhookEventTypes.CertificateIssued],
            State = WebhookState.Paused, CreatedAt = start.AddDays(-1), CreatedBy = people[AdminEmail],
        };
        endpoint.NewSecret(WebhookSecret.Protector(protection), endpoint.CreatedAt, endpoint.CreatedAt);
        db.Endpoints.Add(endpoint);

        var learners = await sender.Send(new GetUsers((await sender.Send(new GetCohortLearners(cohort.CohortId), ct))?.LearnerIds ?? []), ct);
        foreach (var (learner, i) in learners.OrderBy(l => l.Email).Select((l, i) => (l, i)))
        {
            var at = start.AddDays(2 * i).AddHours(9);
            var message = WebhookMessages.Create(WebhookEventTypes.EnrolmentCreated, $"msg_{Guid.CreateVersion7(at):N}", school.OrganizationId, $"{cohort.CohortId:N}:{learner.Id:N}", at,
                new EnrolmentData(cohort.CohortId, new WebhookLearner(learner.Id, learner.Email), nameof(EnrollmentSource.Application)));
            var delivery = WebhookMessages.Deliver(message, endpoint.Id, at);
            var retried = i == 2; // the HR system was briefly down that morning: the second attempt went through
            (delivery.State, delivery.Attempts, delivery.LastStatusCode, delivery.DeliveredAt) = (DeliveryState.Succeeded, retried ? 2 : 1, 200, at.AddSeconds(retried ? 31 : 1));
            delivery.LastAttemptAt = delivery.DeliveredAt;
            db.Deliveries.Add(delivery);
            if (retried)
            {
                db.Attempts.Add(new WebhookAttempt { DeliveryId = delivery.Id, At = at, StatusCode = 503, DurationMs = 212, Error = "HTTP 503", ResponseExcerpt = "Service temporairement indisponible" });
            }

            db.Attempts.Add(new WebhookAttempt { DeliveryId = delivery.Id, At = delivery.DeliveredAt.Value, StatusCode = 200, DurationMs = 84, ResponseExcerpt = """{"received":true}""" });
        }

        await db.SaveChangesAsync(ct);
    }
}
