using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.Modules.Platform.EventHandlers;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>
/// POST /auth/password-reset: mails a single-use link to the address when it has an account. The answer is 202 either
/// way, so nobody learns from it whether an address is registered.
/// </summary>
internal static class RequestPasswordReset
{
    public sealed record Command(string Email) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).ValidEmail();
    }

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var normalized = User.Normalize(command.Email);
            var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (userId is { } id)
            {
                db.AddIntegrationEvent(new AccountEmailRequested(id, AccountEmail.ResetPassword), clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }

            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api, string rateLimitPolicy) =>
        api.MapPost("/auth/password-reset", async (Command command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("RequestPasswordReset")
            .WithSummary("Mail a password reset link to an address, if it has an account")
            .WithDescription("202 whatever the address. The link (/reset-password?token=...) is good once and for a short time (Auth:PasswordResetLifetime, 1 hour). Rate limited per IP like sign-in.")
            .AllowAnonymous()
            .RequireRateLimiting(rateLimitPolicy);
}
