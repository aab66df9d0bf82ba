using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Credentials;

/// <summary>
/// POST /organizations/{organizationId}/certification/keys/rotate: the organisation's admins replace its signing key now
/// (suspected leak, policy). New credentials are signed with the new key; those signed before keep verifying.
/// </summary>
internal static class RotateSigningKey
{
    /// <param name="OrganizationId">The issuing organisation.</param>
    public sealed record Command(Guid OrganizationId) : ICommand<CredentialSigningKey>;

    /// <param name="KeyId">The new key's <c>kid</c>, as published in <c>/.well-known/jwks.json</c>.</param>
    /// <param name="CreatedAt">When it was made.</param>
    public sealed record CredentialSigningKey(string KeyId, DateTimeOffset CreatedAt);

    internal sealed class Handler(ISender sender, ICurrentUser me, CredentialKeys keys) : ICommandHandler<Command, CredentialSigningKey>
    {
        public async ValueTask<CredentialSigningKey> Handle(Command command, CancellationToken cancellationToken)
        {
            var role = await sender.Send(new GetOrganizationRole(command.OrganizationId, me.Id), cancellationToken) ?? throw ProblemException.NotFound("This organisation");
            if (role != OrganizationRole.OrgAdmin)
            {
                throw ProblemException.Forbidden("Only the organisation's admins rotate its signing key.");
            }

            var key = await keys.RotateAsync(command.OrganizationId, cancellationToken);
            return new CredentialSigningKey(key.Id, key.CreatedAt);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{organizationId:guid}/certification/keys/rotate", async (Guid organizationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(organizationId), ct)))
            .WithName("RotateCredentialSigningKey")
            .WithSummary("Replace the organisation's credential signing key now")
            .WithDescription("The organisation's admins (the platform admin too); its other members 403, anyone else 404. Retires the key that signed its credentials and status lists and makes a new ES256 key that signs from now on. Retired keys stay in `GET /.well-known/jwks.json`, so every credential already issued still verifies, and credentials already made are never re-signed. Keys are also replaced by age (`Certification:Credentials:SigningKeyLifetime`, a year by default).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
