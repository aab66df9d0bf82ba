using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>POST /auth/verify-email: the link mailed at registration activates the account (once; it expires).</summary>
internal static class VerifyEmail
{
    public sealed record Command(string Token) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
    }

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = await db.ClaimAsync(command.Token, AccountTokenPurpose.VerifyEmail, clock.GetUtcNow(), cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailVerificationPending, false), cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/verify-email", async (Command command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("VerifyEmail")
            .WithSummary("Activate an account with the token mailed at registration")
            .WithDescription("400 invalid-token when the token is unknown, expired or already used. Registering again with the address mails a fresh link.")
            .AllowAnonymous()
            .Problems(PlatformProblems.InvalidToken);
}
