using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.ApiClients;

/// <summary>POST /organizations/{orgId}/api-clients: an org admin registers another system; its secret is shown this once.</summary>
internal static class CreateApiClient
{
    public sealed record Request(string Name, IReadOnlyList<string> Scopes);

    public sealed record Command(Guid OrganizationId, string Name, IReadOnlyList<string> Scopes) : ICommand<ApiClientCredentials>, IApiClientDefinition;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new ApiClientDefinitionValidator());
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ApiClientCredentials>
    {
        public async ValueTask<ApiClientCredentials> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(command.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == command.OrganizationId)
                .Select(o => new { Suspended = o.SuspendedAt != null, Active = db.ApiClients.Count(c => c.OrganizationId == o.Id && c.RevokedAt == null) })
                .FirstAsync(cancellationToken);
            if (organization.Suspended)
            {
                throw PlatformProblems.OrganizationSuspended.Exception(); // only the platform admin gets this far in a suspended organisation
            }

            if (organization.Active >= ApiClient.MaxActivePerOrganization)
            {
                throw PlatformProblems.TooManyApiClients.Exception(ApiClient.MaxActivePerOrganization);
            }

            var now = clock.GetUtcNow();
            var client = new ApiClient { OrganizationId = command.OrganizationId, Name = command.Name.Trim(), Scopes = [.. command.Scopes], CreatedAt = now, CreatedBy = me.Id };
            var secret = client.NewSecret(now, now);
            db.ApiClients.Add(client);
            await db.SaveChangesAsync(cancellationToken);
            var created = await ApiClientResponse.Project(db.ApiClients.AsNoTracking().Where(c => c.Id == client.Id), now).FirstAsync(cancellationToken);
            return new ApiClientCredentials(client.Id, secret, created);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{orgId:guid}/api-clients", async (Guid orgId, Request request, ISender sender, CancellationToken ct) =>
            {
                var credentials = await sender.Send(new Command(orgId, request.Name, request.Scopes), ct);
                return TypedResults.Created($"/api/v1/organizations/{orgId}/api-clients/{credentials.ClientId}", credentials);
            })
            .WithName("CreateApiClient")
            .WithSummary("Register an API client: another system acting for the organisation within its scopes (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). The answer holds the `clientSecret`, shown this once and stored only as a hash: "
                + "the system exchanges `client_id` and `client_secret` for short-lived tokens at POST /auth/token (`grant_type=client_credentials`). "
                + "`scopes`: any of " + string.Join(", ", Scopes.All.Keys.Select(s => $"`{s}`")) + " (docs/integrations.md lists the routes each opens). "
                + "At most 20 clients not revoked per organisation (409 too-many-api-clients); a suspended organisation gets none (409 organization-suspended).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, PlatformProblems.TooManyApiClients, PlatformProblems.OrganizationSuspended);
}
