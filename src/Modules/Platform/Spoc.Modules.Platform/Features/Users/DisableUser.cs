using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Users;

/// <summary>
/// POST /users/{userId}/disable (and, through the same command, <see cref="EnableUser"/>): the platform admin locks an account out and lets it in again. Disabling
/// revokes every refresh token of the account, so each of its sessions ends at its access token's expiry (15 minutes at
/// most); sign-in and refresh answer account-disabled until it is enabled (docs/adr/0041). Both are idempotent.
/// </summary>
internal static class DisableUser
{
    public sealed record Command(Guid UserId, bool Disable) : ICommand;

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Disable && command.UserId == me.Id)
            {
                throw PlatformProblems.CannotDisableSelf.Exception();
            }

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // One statement each, so that a concurrent profile change (the user's concurrency token) neither blocks nor is lost.
            var user = db.Users.Where(u => u.Id == command.UserId);
            var found = command.Disable
                ? await user.ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, u => u.DisabledAt ?? now), cancellationToken)
                : await user.ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, (DateTimeOffset?)null), cancellationToken);
            if (found == 0)
            {
                throw ProblemException.NotFound("This account");
            }

            if (command.Disable)
            {
                await db.RefreshTokens.Where(t => t.UserId == command.UserId && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/users/{userId:guid}/disable", async (Guid userId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(userId, Disable: true), ct);
                return TypedResults.NoContent();
            })
            .WithName("DisableUser")
            .WithSummary("Disable an account (platform admin)")
            .WithDescription("Platform admin only (403 otherwise; an unknown account 404; one's own account 409 cannot-disable-self). Every refresh token of the account is revoked: "
                + "its sessions end when their access token expires (15 minutes at most), and signing in or refreshing answers 403 account-disabled. Its memberships, seats and work are kept. Idempotent.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, PlatformProblems.CannotDisableSelf);
}
