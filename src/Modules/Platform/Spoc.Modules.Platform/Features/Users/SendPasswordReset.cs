using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.Modules.Platform.EventHandlers;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Users;

/// <summary>
/// POST /users/{userId}/password-reset: the platform admin has the reset link mailed to someone who lost their password,
/// through the same mail as <c>POST /auth/password-reset</c>. The admin never sees the link nor sets a password.
/// </summary>
internal static class SendPasswordReset
{
    public sealed record Command(Guid UserId) : ICommand;

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Users.AnyAsync(u => u.Id == command.UserId, cancellationToken))
            {
                throw ProblemException.NotFound("This account");
            }

            db.AddIntegrationEvent(new AccountEmailRequested(command.UserId, AccountEmail.ResetPassword), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/users/{userId:guid}/password-reset", async (Guid userId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(userId), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("SendPasswordReset")
            .WithSummary("Mail a password reset link to an account (platform admin)")
            .WithDescription("Platform admin only (403 otherwise; an unknown account 404). 202: the account's owner is mailed the same single-use link as `POST /auth/password-reset` sends; nobody else sees it.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
