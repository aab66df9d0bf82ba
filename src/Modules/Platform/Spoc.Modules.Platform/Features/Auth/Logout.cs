using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>
/// POST /auth/logout: revokes the refresh token's family (from the body, or else the session cookie) and clears the cookie.
/// Always 204, so it tells nothing about foreign tokens.
/// </summary>
internal static class Logout
{
    /// <param name="RefreshToken">The refresh token from /auth/token; omit it in the cookie session mode (the cookie carries it).</param>
    public sealed record Request(string? RefreshToken);

    public sealed record Command(string RefreshToken) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var hash = SecretTokens.Hash(command.RefreshToken);
            var familyId = await db.RefreshTokens
                .Where(t => t.TokenHash == hash && t.UserId == me.Id)
                .Select(t => (Guid?)t.FamilyId)
                .FirstOrDefaultAsync(cancellationToken);
            if (familyId is { } family)
            {
                await db.RevokeFamilyAsync(family, clock.GetUtcNow(), cancellationToken);
            }

            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/logout", async ([Microsoft.AspNetCore.Mvc.FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] Request? request,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                if ((request?.RefreshToken ?? RefreshCookie.Read(http.Request)) is { } token)
                {
                    await sender.Send(new Command(token), ct);
                }

                RefreshCookie.Clear(http.Response);
                return TypedResults.NoContent();
            })
            .WithName("Logout")
            .WithSummary("Sign out: revoke the refresh token and every token rotated from it")
            .WithDescription("Send the refresh token in the body, or rely on the session cookie; the cookie is cleared either way. Always 204, also for an unknown or foreign token (idempotent). Access tokens already issued stay valid until they expire.")
            .RequireAuthorization(Policies.SignedIn);
}
