using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.ApiClients;

/// <summary>PUT /organizations/{orgId}/api-clients/{clientId}: rename it or change its scopes; its secret stays.</summary>
internal static class UpdateApiClient
{
    public sealed record Request(string Name, IReadOnlyList<string> Scopes);

    public sealed record Command(Guid OrganizationId, Guid ClientId, string Name, IReadOnlyList<string> Scopes, string? IfMatch) : ICommand<ApiClientResponse>, IApiClientDefinition;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new ApiClientDefinitionValidator());
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ApiClientResponse>
    {
        public async ValueTask<ApiClientResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(command.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == command.ClientId && c.OrganizationId == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This API client");
            db.Expect(client, command.IfMatch);
            if (client.RevokedAt is not null)
            {
                throw PlatformProblems.ApiClientRevoked.Exception();
            }

            client.Name = command.Name.Trim();
            client.Scopes = [.. command.Scopes];
            await db.SaveChangesAsync(cancellationToken);
            return await ApiClientResponse.Project(db.ApiClients.AsNoTracking().Where(c => c.Id == client.Id), clock.GetUtcNow()).FirstAsync(cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/organizations/{orgId:guid}/api-clients/{clientId:guid}", async (Guid orgId, Guid clientId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(orgId, clientId, request.Name, request.Scopes, ifMatch), ct)))
            .WithName("UpdateApiClient")
            .WithSummary("Rename an API client or change its scopes (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). Its secret stays. Tokens issued before keep the scopes they were issued with until they expire (10 minutes at most). "
                + "Send the `ETag` from the last read as `If-Match`: a stale one is 412. A revoked client cannot be changed (409 api-client-revoked).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, PlatformProblems.ApiClientRevoked);
}
