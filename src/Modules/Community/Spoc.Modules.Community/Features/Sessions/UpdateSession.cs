using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// PATCH /sessions/{sessionId}: staff change one session, or move one occurrence of a series (the others keep their
/// time); every change bumps its <c>sequence</c>, so calendars update the event.
/// </summary>
internal static class UpdateSession
{
    /// <param name="Title">Plain text, 1 to 200 characters.</param>
    /// <param name="Description">Markdown, at most 20,000 characters.</param>
    /// <param name="StartsAt">The new start (an instant).</param>
    /// <param name="EndsAt">The new end, after the start, at most 24 hours later.</param>
    /// <param name="MeetingUrl">An https link.</param>
    /// <param name="Place">InPerson: where.</param>
    /// <param name="Room">InPerson: the room.</param>
    /// <param name="Address">InPerson: the postal address.</param>
    /// <param name="PreparationActivityIds">The whole new list of preparations (activities of the cohort's course), in order.</param>
    public sealed record Request(
        string? Title, [property: MultiLine] string? Description, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? MeetingUrl,
        string? Place, string? Room, string? Address, IReadOnlyList<Guid>? PreparationActivityIds);

    public sealed record Command(
        Guid SessionId, string? IfMatch, string? Title, string? Description, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? MeetingUrl,
        string? Place, string? Room, string? Address, IReadOnlyList<Guid>? PreparationActivityIds) : ICommand<LiveSessionResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200).When(c => c.Title is not null);
            RuleFor(c => c.Description).MaximumLength(20_000);
            RuleFor(c => c.StartsAt!.Value).SupportedDate().When(c => c.StartsAt is not null).OverridePropertyName("StartsAt");
            RuleFor(c => c.EndsAt!.Value).SupportedDate().When(c => c.EndsAt is not null).OverridePropertyName("EndsAt");
            RuleFor(c => c.MeetingUrl).HttpsUrl();
            RuleFor(c => c.Place).MaximumLength(200);
            RuleFor(c => c.Room).MaximumLength(100);
            RuleFor(c => c.Address).MaximumLength(500);
            RuleFor(c => c.PreparationActivityIds).MaxItems(SessionRules.MaxPreparations);
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, IOptions<LiveSessionOptions> options)
        : ICommandHandler<Command, LiveSessionResponse>
    {
        public async ValueTask<LiveSessionResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, c.SessionId, cancellationToken, tracking: true);
            viewer.RequireManages();
            if (session.CancelledAt is not null)
            {
                throw CommunityProblems.SessionCancelled.Exception();
            }

            db.Expect(session, c.IfMatch);
            session.Title = c.Title ?? session.Title;
            if (c.Description is not null)
            {
                (session.Description, session.DescriptionHtml) = (c.Description, Markdown.ToSafeHtml(c.Description));
            }

            session.StartsAt = c.StartsAt?.ToUniversalTime() ?? session.StartsAt;
            session.EndsAt = c.EndsAt?.ToUniversalTime() ?? session.EndsAt;
            session.MeetingUrl = c.MeetingUrl ?? session.MeetingUrl;
            session.Place = c.Place ?? session.Place;
            session.Room = c.Room ?? session.Room;
            session.Address = c.Address ?? session.Address;
            SessionRules.EnsureWhole(session);
            if (c.PreparationActivityIds is not null)
            {
                var wanted = await sender.PreparationsAsync(viewer.Access.CourseId, c.PreparationActivityIds, cancellationToken);
                session.Preparations.RemoveAll(p => !wanted.Contains(p.ActivityId));
                foreach (var (activityId, position) in wanted.Select((a, i) => (a, i)))
                {
                    var kept = session.Preparations.Find(p => p.ActivityId == activityId);
                    if (kept is null)
                    {
                        session.Preparations.Add(new SessionPreparation { SessionId = session.Id, ActivityId = activityId, Position = position });
                    }
                    else
                    {
                        kept.Position = position;
                    }
                }
            }

            var now = clock.GetUtcNow();
            session.Sequence++;
            session.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return session.ToResponse(viewer, options.Value, now, await sender.PreparationTitlesAsync(viewer.Access.CourseId, session.Preparations.Select(p => p.ActivityId), cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPatch("/sessions/{sessionId:guid}", async (Guid sessionId, Request r, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(sessionId, ifMatch, r.Title, r.Description, r.StartsAt, r.EndsAt, r.MeetingUrl, r.Place, r.Room, r.Address, r.PreparationActivityIds), ct)))
            .WithName("UpdateSession")
            .WithSummary("Change or move one session (one occurrence of a series); bumps its sequence")
            .WithDescription("The cohort's trainers and admins (mentors and learners who see it 403; others 404). Fields left out stay as they are; `preparationActivityIds` replaces the whole list. Moving one occurrence leaves the rest of its series where it was. The result must stay whole (end after start, the kind's own fields): 400 with the field. A cancelled session is 409 `session-cancelled`. Send its `ETag` as `If-Match` to make the change conditional (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed, CommunityProblems.SessionCancelled);
}
