using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// POST /sessions/{sessionId}/check-in: a learner types the code shown in the room and is recorded Present (Late after the
/// grace period). Each attempt is claimed with one conditional update before the code is compared, so neither a loop nor
/// parallel requests get more than <see cref="LiveSessionOptions.CheckInMaxAttempts"/> guesses per lockout (docs/adr/0028).
/// </summary>
internal static class CheckIn
{
    /// <param name="Code">The code shown for the session; case, spaces and dashes do not matter.</param>
    public sealed record Request(string Code);

    /// <param name="Status">Present, or Late when checked in after the grace period; what was recorded, for a second check-in.</param>
    public sealed record Response(Guid SessionId, AttendanceStatus Status, DateTimeOffset CheckedInAt);

    public sealed record Command(Guid SessionId, string Code) : ICommand<Response>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(20);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, IOptions<LiveSessionOptions> options) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, command.SessionId, cancellationToken);
            if (!viewer.IsLearner || viewer.Follows)
            {
                throw ProblemException.Forbidden("Learners check in; staff record attendance on the sheet.");
            }

            if (session.CancelledAt is not null)
            {
                throw CommunityProblems.SessionCancelled.Exception();
            }

            var (o, now) = (options.Value, clock.GetUtcNow());
            if (session.CheckInCode is null || now < session.StartsAt - o.CheckInOpensBefore || now > session.EndsAt)
            {
                throw CommunityProblems.CheckInClosed.Exception();
            }

            var key = (session.Id, me.Id);
            if (await RecordedAsync(key, cancellationToken) is { Status: AttendanceStatus.Present or AttendanceStatus.Late } already)
            {
                return new Response(session.Id, already.Status, already.CheckedInAt ?? already.RecordedAt); // a retry from a phone: the same answer
            }

            await ClaimAttemptAsync(key, o, now, cancellationToken);
            if (!CheckInCodes.Matches(session.CheckInCode, command.Code))
            {
                throw CommunityProblems.WrongCheckInCode.Exception();
            }

            var status = now > session.StartsAt + o.LateAfter ? AttendanceStatus.Late : AttendanceStatus.Present;
            var row = await db.SessionAttendance.FirstOrDefaultAsync(a => a.SessionId == session.Id && a.UserId == me.Id, cancellationToken);
            if (row is null)
            {
                db.SessionAttendance.Add(new SessionAttendance { SessionId = session.Id, UserId = me.Id, Status = status, CheckedInAt = now, RecordedBy = me.Id, RecordedAt = now });
            }
            else
            {
                (row.Status, row.CheckedInAt, row.RecordedBy, row.RecordedAt) = (status, now, me.Id, now);
            }

            db.AddIntegrationEvent(new AttendanceRecorded(session.CohortId, session.Id, [new AttendanceMark(me.Id, status)], now), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The same learner's parallel check-in got there first: answer what it recorded.
                db.ChangeTracker.Clear();
                var first = await RecordedAsync(key, cancellationToken) ?? throw new InvalidOperationException("A check-in vanished.", e);
                return new Response(session.Id, first.Status, first.CheckedInAt ?? first.RecordedAt);
            }

            return new Response(session.Id, status, now);
        }

        private Task<SessionAttendance?> RecordedAsync((Guid Session, Guid User) key, CancellationToken ct) =>
            db.SessionAttendance.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == key.Session && a.UserId == key.User, ct);

        /// <summary>One attempt, claimed atomically: counted when under the limit, or starting a new count once the lockout has passed; 429 otherwise.</summary>
        private async Task ClaimAttemptAsync((Guid Session, Guid User) key, LiveSessionOptions o, DateTimeOffset now, CancellationToken ct)
        {
            var cutoff = now - o.CheckInLockout;
            for (var tries = 0; tries < 2; tries++)
            {
                var claimed = await db.CheckInAttempts
                    .Where(a => a.SessionId == key.Session && a.UserId == key.User && (a.Count < o.CheckInMaxAttempts || a.LastAt <= cutoff))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Count, a => a.LastAt <= cutoff ? 1 : a.Count + 1).SetProperty(a => a.LastAt, now), ct);
                if (claimed == 1)
                {
                    return;
                }

                var attempts = await db.CheckInAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == key.Session && a.UserId == key.User, ct);
                if (attempts is not null)
                {
                    throw CommunityProblems.CheckInLocked.Exception().RetryingAfter(attempts.LastAt + o.CheckInLockout - now);
                }

                try
                {
                    db.CheckInAttempts.Add(new CheckInAttempts { SessionId = key.Session, UserId = key.User, Count = 1, LastAt = now });
                    await db.SaveChangesAsync(ct);
                    return;
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    db.ChangeTracker.Clear(); // a parallel first attempt created the row: claim through it
                }
            }

            throw CommunityProblems.CheckInLocked.Exception().RetryingAfter(o.CheckInLockout);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{sessionId:guid}/check-in", async (Guid sessionId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(sessionId, request.Code), ct)))
            .WithName("CheckIn")
            .WithSummary("Check in to a session with the code shown in the room")
            .WithDescription("A learner the session is for (staff and mentors 403; others 404). Open from shortly before the start until the end, once staff have shown a code (409 `check-in-closed` otherwise). Records Present, or Late after the grace period; checking in again answers the same 200 (single use: nothing changes). A wrong code is 409 `wrong-check-in-code`; after 5 attempts the learner waits 10 minutes (429 `check-in-locked` with Retry-After). A cancelled session is 409 `session-cancelled`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CommunityProblems.SessionCancelled, CommunityProblems.CheckInClosed,
                CommunityProblems.WrongCheckInCode, CommunityProblems.CheckInLocked);
}
