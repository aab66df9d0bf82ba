using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Me;

/// <summary>
/// PUT /me: the caller renames themself and picks their language (fr, en), which the web app and every mail to them use.
/// <c>If-Match</c> with the ETag of GET /me refuses to overwrite a change made meanwhile (412).
/// </summary>
internal static class UpdateProfile
{
    public sealed record Request(string DisplayName, string Language);

    public sealed record Command(string DisplayName, string Language, string? IfMatch) : ICommand<Guid>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Language).NotEmpty().MaximumLength(2).Must(l => Languages.Supported.Contains(l)).WithMessage("Use fr or en.");
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me.Id, cancellationToken) ?? throw ProblemException.NotFound("Your account");
            ETags.EnsureMatches(command.IfMatch, user.Version);
            user.DisplayName = command.DisplayName;
            user.PreferredLanguage = command.Language;
            user.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return user.Version;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/me", async (Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.ETag = ETags.Of(await sender.Send(new Command(request.DisplayName, request.Language, ifMatch), ct));
                return TypedResults.NoContent();
            })
            .WithName("UpdateProfile")
            .WithSummary("Change the caller's display name and language (fr, en)")
            .WithDescription("Returns the new ETag. A stale If-Match is 412; 409 concurrency-conflict when two changes race.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
