using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>POST /sessions/{sessionId}/check-in-code: staff show a new code for the room or the shared screen; the old one stops working.</summary>
internal static class IssueCheckInCode
{
    /// <param name="Code">6 characters from an alphabet without look-alikes (no 0/O, 1/I/L).</param>
    /// <param name="OpensAt">Learners may check in from then...</param>
    /// <param name="ClosesAt">...until the session ends.</param>
    public sealed record Response(Guid SessionId, string Code, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

    public sealed record Command(Guid SessionId) : ICommand<Response>;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, IOptions<LiveSessionOptions> options) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, command.SessionId, cancellationToken, tracking: true);
            viewer.RequireManages();
            if (session.CancelledAt is not null)
            {
                throw CommunityProblems.SessionCancelled.Exception();
            }

            session.CheckInCode = CheckInCodes.New();
            session.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return new Response(session.Id, session.CheckInCode, session.StartsAt - options.Value.CheckInOpensBefore, session.EndsAt);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{sessionId:guid}/check-in-code", async (Guid sessionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(sessionId), ct)))
            .WithName("IssueCheckInCode")
            .WithSummary("Show a new check-in code for the session (the previous one stops working)")
            .WithDescription("The cohort's trainers and admins (mentors and learners who see the session 403; others 404). A fresh code of 6 characters from 31 unambiguous ones (31^6 ≈ 8.9 × 10^8); learners type it from `opensAt` to `closesAt`, each at most a few times before a lockout (docs/adr/0028). The current code is also on GET /sessions/{sessionId} for the staff. A cancelled session is 409 `session-cancelled`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CommunityProblems.SessionCancelled);
}
