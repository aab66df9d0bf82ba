using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.Modules.FollowUp.Features.Journal;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Timeline;

/// <summary>What a timeline entry is: a note of the journal, a follow-up action, or a fact another module told.</summary>
internal enum TimelineEntryType
{
    Note,
    Action,
    Fact,
}

/// <summary>
/// GET /cohorts/{cohortId}/members/{userId}/timeline: a learner's journal notes, follow-up actions and facts (admitted,
/// work handed in, grades, attendance, messages...) merged, newest first. Each of the three lists is read in SQL up to the
/// end of the page asked and merged here: eight statements whatever the size of the journal.
/// </summary>
internal static class GetTimeline
{
    public sealed record Query(Guid CohortId, Guid LearnerId, PageRequest Paging) : IQuery<PagedResult<Entry>>;

    /// <summary>A fact of the learner's follow-up, as another module told it.</summary>
    /// <param name="SubjectId">What it is about: the activity, submission, session, post, message or certificate.</param>
    /// <param name="ActorId">Who did it when not the learner (who graded, recorded, wrote); <c>actorName</c> names them.</param>
    /// <param name="Value">A figure when the kind has one: a grade in percent; 1 for a late submission.</param>
    /// <param name="Detail">A short word when the kind has one: the attendance status, the assignment's title.</param>
    public sealed record Fact(LearnerEventKind Kind, Guid SubjectId, Guid? ActorId, string? ActorName, decimal? Value, string? Detail);

    /// <summary>One entry of the timeline: exactly one of <c>note</c>, <c>action</c>, <c>fact</c>, as <c>type</c> says.</summary>
    /// <param name="At">When: the note written, the action planned, the fact happened.</param>
    public sealed record Entry(TimelineEntryType Type, Guid Id, DateTimeOffset At, JournalNoteResponse? Note, FollowUpActionResponse? Action, Fact? Fact);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<Entry>>
    {
        public async ValueTask<PagedResult<Entry>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.FollowingLearnerAsync(db, query.CohortId, query.LearnerId, me.Id, cancellationToken);
            var (cohortId, learnerId) = (query.CohortId, query.LearnerId);
            var upTo = query.Paging.Page * query.Paging.PageSize;
            var notes = db.Notes.AsNoTracking().Where(n => n.CohortId == cohortId && n.LearnerId == learnerId);
            var actions = db.Actions.AsNoTracking().Where(a => a.CohortId == cohortId && a.LearnerId == learnerId);
            var facts = db.LearnerEvents.AsNoTracking().Where(e => e.CohortId == cohortId && e.LearnerId == learnerId);
            var total = await notes.CountAsync(cancellationToken) + await actions.CountAsync(cancellationToken) + await facts.CountAsync(cancellationToken);
            var latestNotes = await notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(upTo).ToListAsync(cancellationToken);
            var latestActions = await actions.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(upTo).ToListAsync(cancellationToken);
            var latestFacts = await facts.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(upTo).ToListAsync(cancellationToken);

            var page = latestNotes.Select(n => (Type: TimelineEntryType.Note, n.Id, At: n.CreatedAt, Item: (object)n))
                .Concat(latestActions.Select(a => (Type: TimelineEntryType.Action, a.Id, At: a.CreatedAt, Item: (object)a)))
                .Concat(latestFacts.Select(e => (Type: TimelineEntryType.Fact, e.Id, e.At, Item: (object)e)))
                .OrderByDescending(x => x.At).ThenByDescending(x => x.Id)
                .Skip(upTo - query.Paging.PageSize).Take(query.Paging.PageSize)
                .ToList();
            var names = await sender.NamesAsync(page.Select(x => x.Item switch
            {
                JournalNote n => n.AuthorId,
                FollowUpAction a => a.AuthorId,
                LearnerEvent { ActorId: { } actor } => actor,
                _ => learnerId,
            }), cancellationToken);
            var entries = page.Select(x => x.Item switch
            {
                JournalNote n => new Entry(x.Type, x.Id, x.At, JournalNoteResponse.From(n, names, me.Id), null, null),
                FollowUpAction a => new Entry(x.Type, x.Id, x.At, null, FollowUpActionResponse.From(a, names), null),
                LearnerEvent e => new Entry(x.Type, x.Id, x.At, null, null,
                    new Fact(e.Kind, e.SubjectId, e.ActorId, e.ActorId is { } actor ? names.GetValueOrDefault(actor) : null, e.Value, e.Detail)),
                _ => throw new InvalidOperationException("Unknown timeline item."),
            }).ToList();
            return new PagedResult<Entry>(entries, query.Paging.Page, query.Paging.PageSize, total);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members/{userId:guid}/timeline", async (Guid cohortId, Guid userId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, userId, paging), ct)))
            .WithName("GetLearnerTimeline")
            .WithSummary("A learner's follow-up timeline: journal notes, actions and facts merged, newest first (trainers, org admins, the learner's mentor)")
            .WithDescription("Who may read the learner's journal (a mentor: their own learners; others inside 403, outsiders 404). Each entry is a `Note` (private: never shown to the learner), an `Action`, or a `Fact` the other modules told: enrolment, withdrawal, mentor assigned, activity completed, pacing changed, work handed in (late: `value` 1), grade released (`value`: percent), revision requested, attendance (`detail`: the status), forum post, message, certificate issued or revoked. Paged (default 20, max 100); a constant number of queries whatever the size of the journal.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
