using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// POST /cohorts/{cohortId}/sessions: staff schedule a webinar, a virtual class or an in-person day, for the cohort or one
/// project group, once or weekly for a number of weeks (a series whose occurrences keep their local time).
/// </summary>
internal static class CreateSession
{
    /// <param name="Count">Occurrences in all, the first included: 2 to 52.</param>
    public sealed record WeeklyRepeat(int Count);

    /// <param name="Title">Plain text, 1 to 200 characters.</param>
    /// <param name="Description">What to expect and how to prepare: Markdown, at most 20,000 characters, rendered and sanitised.</param>
    /// <param name="Kind">Webinar, VirtualClass (needs <c>meetingUrl</c>) or InPerson (needs <c>place</c>).</param>
    /// <param name="StartsAt">An instant (UTC or with its offset); shown in the cohort's time zone.</param>
    /// <param name="EndsAt">After <c>startsAt</c>, at most 24 hours later.</param>
    /// <param name="MeetingUrl">An https link (Webinar, VirtualClass), shown to learners only from shortly before the start.</param>
    /// <param name="Location">The place in one line; the same as <c>place</c> (API.md's name for it).</param>
    /// <param name="Place">InPerson: where (a site, a building).</param>
    /// <param name="Room">InPerson: the room.</param>
    /// <param name="Address">InPerson: the postal address.</param>
    /// <param name="GroupId">A project group's own session, seen by that group and the staff only; omitted for the whole cohort.</param>
    /// <param name="PreparationActivityIds">Activities of the cohort's course to do before the session (flipped classroom), in order; at most 20.</param>
    /// <param name="RepeatWeekly">Repeat every week at the same local time.</param>
    public sealed record Request(
        string Title, [property: MultiLine] string? Description, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? MeetingUrl,
        string? Location, string? Place, string? Room, string? Address, Guid? GroupId, IReadOnlyList<Guid>? PreparationActivityIds, WeeklyRepeat? RepeatWeekly);

    public sealed record Command(
        Guid CohortId, string Title, string? Description, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? MeetingUrl,
        string? Location, string? Place, string? Room, string? Address, Guid? GroupId, IReadOnlyList<Guid>? PreparationActivityIds, WeeklyRepeat? RepeatWeekly)
        : ICommand<LiveSessionResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Description).MaximumLength(20_000);
            RuleFor(r => r.Kind).IsInEnum();
            RuleFor(r => r.StartsAt).SupportedDate();
            RuleFor(r => r.EndsAt).SupportedDate().GreaterThan(r => r.StartsAt).WithMessage("The end comes after the start.");
            RuleFor(r => r.MeetingUrl).HttpsUrl();
            RuleFor(r => r.Location).MaximumLength(200);
            RuleFor(r => r.Place).MaximumLength(200);
            RuleFor(r => r.Room).MaximumLength(100);
            RuleFor(r => r.Address).MaximumLength(500);
            RuleFor(r => r.PreparationActivityIds).MaxItems(SessionRules.MaxPreparations);
            RuleFor(r => r.RepeatWeekly!.Count).InclusiveBetween(2, 52).When(r => r.RepeatWeekly is not null).OverridePropertyName("RepeatWeekly.Count");
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, IOptions<LiveSessionOptions> options)
        : ICommandHandler<Command, LiveSessionResponse>
    {
        public async ValueTask<LiveSessionResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var (r, now) = (command, clock.GetUtcNow());
            var viewer = await sender.SessionViewerAsync(command.CohortId, me.Id, cancellationToken);
            viewer.RequireManages();
            if (r.GroupId is { } groupId && !(await sender.Send(new GetCohortPeople(command.CohortId), cancellationToken)).GroupIds.Contains(groupId))
            {
                throw ProblemException.NotFound("This group");
            }

            var preparations = await sender.PreparationsAsync(viewer.Access.CourseId, r.PreparationActivityIds, cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(viewer.Access.TimeZone);
            var count = r.RepeatWeekly?.Count ?? 1;
            Guid? seriesId = count > 1 ? Guid.CreateVersion7() : null;
            var html = Markdown.ToSafeHtml(r.Description ?? "");
            var sessions = Enumerable.Range(0, count).Select(week =>
            {
                var session = new LiveSession
                {
                    CohortId = command.CohortId, GroupId = r.GroupId, SeriesId = seriesId, Occurrence = seriesId is null ? null : week + 1, Title = r.Title.Trim(),
                    Description = r.Description ?? "", DescriptionHtml = html, Kind = r.Kind,
                    StartsAt = SessionRules.WeeksLater(r.StartsAt, week, zone), EndsAt = SessionRules.WeeksLater(r.EndsAt, week, zone),
                    MeetingUrl = r.MeetingUrl, Place = r.Place ?? r.Location, Room = r.Room, Address = r.Address, CreatedBy = me.Id, CreatedAt = now, UpdatedAt = now,
                };
                session.Preparations.AddRange(preparations.Select((a, i) => new SessionPreparation { SessionId = session.Id, ActivityId = a, Position = i }));
                return session;
            }).ToList();
            SessionRules.EnsureWhole(sessions[0]);
            db.LiveSessions.AddRange(sessions);
            await db.SaveChangesAsync(cancellationToken);
            return sessions[0].ToResponse(viewer, options.Value, now, await sender.PreparationTitlesAsync(viewer.Access.CourseId, preparations, cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/sessions", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var r = request;
                var created = await sender.Send(new Command(cohortId, r.Title, r.Description, r.Kind, r.StartsAt, r.EndsAt, r.MeetingUrl, r.Location, r.Place, r.Room, r.Address,
                    r.GroupId, r.PreparationActivityIds, r.RepeatWeekly), ct);
                return TypedResults.Created($"/api/v1/sessions/{created.Id}", created);
            })
            .WithName("CreateSession")
            .WithSummary("Schedule a live session (webinar, virtual class, in-person day), once or weekly")
            .WithDescription("The cohort's trainers and its organisation's admins (mentors and learners 403; a partner's admin 403; outsiders 404). Times are instants; `repeatWeekly: {count}` makes a series of `count` occurrences at the same local time in the cohort's time zone (across daylight-saving changes), each moved or cancelled on its own; the answer is the first occurrence, with its `seriesId`. `groupId` makes it a project group's session (an unknown group 404). A VirtualClass needs an https `meetingUrl`, an InPerson session a `place` (or `location`) and no link; only InPerson has place, room and address. `preparationActivityIds` must be activities of the cohort's course (400 otherwise). The end comes after the start, at most 24 hours later: 400 with the field.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
