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

/// <summary>
/// POST /organizations/{orgId}/api-clients/{clientId}/rotate: a new secret, shown once; the previous one keeps working for
/// the overlap, so that the system can switch without a gap (0 ends it at once, after a leak).
/// </summary>
internal static class RotateApiClientSecret
{
    public const int MaxOverlapHours = 168;

    /// <param name="OverlapHours">How long the previous secret keeps working: 0 (at once, after a leak) to 168; 24 when absent.</param>
    public sealed record Request(int? OverlapHours);

    public sealed record Command(Guid OrganizationId, Guid ClientId, int OverlapHours) : ICommand<ApiClientCredentials>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.OverlapHours).InclusiveBetween(0, MaxOverlapHours);
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ApiClientCredentials>
    {
        public async ValueTask<ApiClientCredentials> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(command.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            var client = await db.ApiClients.Include(c => c.Secrets)
                .FirstOrDefaultAsync(c => c.Id == command.ClientId && c.OrganizationId == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This API client");
            if (client.RevokedAt is not null)
            {
                throw PlatformProblems.ApiClientRevoked.Exception();
            }

            var now = clock.GetUtcNow();
            var secret = client.NewSecret(now, now.AddHours(command.OverlapHours));
            client.Version = Guid.NewGuid(); // written only if nobody rotated in between: two rotations at once leave one new secret, not two
            await db.SaveChangesAsync(cancellationToken);
            var rotated = await ApiClientResponse.Project(db.ApiClients.AsNoTracking().Where(c => c.Id == client.Id), now).FirstAsync(cancellationToken);
            return new ApiClientCredentials(client.Id, secret, rotated);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{orgId:guid}/api-clients/{clientId:guid}/rotate", async (Guid orgId, Guid clientId, Request? request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(orgId, clientId, request?.OverlapHours ?? 24), ct)))
            .WithName("RotateApiClientSecret")
            .WithSummary("Give an API client a new secret, the previous one working for an overlap (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). The new `clientSecret` is shown this once. The previous secret keeps working for `overlapHours` (default 24, 0 to 168; 0 after a leak), "
                + "so that the system can switch without a gap. Two rotations at once: one wins, the other is 409 concurrency-conflict. A revoked client has no secret to rotate (409 api-client-revoked).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, PlatformProblems.ApiClientRevoked);
}
