using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// POST /sessions/{sessionId}/cancel: staff cancel one session, or it and the rest of its series, with a reason; the
/// learners it was for and the cohort's trainers and mentors are told (kind SessionCancelled), in the same commit.
/// </summary>
internal static class CancelSession
{
    /// <param name="Reason">Told to everyone concerned: 1 to 500 characters.</param>
    /// <param name="RestOfSeries">Also cancel the later occurrences of its series (those not cancelled yet).</param>
    public sealed record Request(string Reason, bool? RestOfSeries);

    public sealed record Command(Guid SessionId, string Reason, bool RestOfSeries) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, Notifier notifier) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, command.SessionId, cancellationToken, tracking: true);
            viewer.RequireManages();
            if (session.CancelledAt is not null)
            {
                throw CommunityProblems.SessionCancelled.Exception();
            }

            var cancelled = command.RestOfSeries && session.SeriesId is { } series
                ? await db.LiveSessions.Where(s => s.SeriesId == series && s.StartsAt >= session.StartsAt && s.CancelledAt == null).ToListAsync(cancellationToken)
                : [session];
            var now = clock.GetUtcNow();
            foreach (var s in cancelled)
            {
                (s.CancelledAt, s.CancellationReason, s.UpdatedAt) = (now, command.Reason, now);
                s.Sequence++;
            }

            var people = await sender.Send(new GetCohortPeople(session.CohortId), cancellationToken);
            var concerned = people.LearnersOf(session).Concat(people.Members.Where(m => m.Role != CohortRole.Learner).Select(m => m.UserId)).Where(u => u != me.Id);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(viewer.Access.TimeZone);
            var when = TimeZoneInfo.ConvertTime(session.StartsAt, zone);
            await notifier.AddAsync(NotificationKind.SessionCancelled, concerned, user => new Composed(
                cancelled.Count > 1
                    ? MailTemplate.In(user.PreferredLanguage, $"Séances annulées : {session.Title}, à partir du {when:dd/MM/yyyy HH:mm} ({cancelled.Count})", $"Sessions cancelled: {session.Title}, from {when:yyyy-MM-dd HH:mm} ({cancelled.Count})")
                    : MailTemplate.In(user.PreferredLanguage, $"Séance annulée : {session.Title}, le {when:dd/MM/yyyy HH:mm}", $"Session cancelled: {session.Title}, {when:yyyy-MM-dd HH:mm}"),
                command.Reason, $"/sessions/{session.Id}"), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await notifier.DeliveredAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{sessionId:guid}/cancel", async (Guid sessionId, Request request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(sessionId, request.Reason, request.RestOfSeries ?? false), ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelSession")
            .WithSummary("Cancel a session, or it and the rest of its series, with a reason; everyone concerned is told")
            .WithDescription("The cohort's trainers and admins (mentors and learners who see it 403; others 404). The session stays listed with `cancelledAt` and its reason, and its `sequence` is bumped (calendars show it cancelled). `restOfSeries: true` also cancels the later occurrences of its series. The learners it was for, the cohort's trainers and mentors (the caller excepted) get a SessionCancelled notification, by the channel each chose. Cancelling again is 409 `session-cancelled`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CommunityProblems.SessionCancelled);
}
