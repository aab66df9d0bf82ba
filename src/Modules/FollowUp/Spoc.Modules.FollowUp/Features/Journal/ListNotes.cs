using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Journal;

/// <summary>GET /cohorts/{cohortId}/members/{userId}/notes: a learner's private journal, newest first; never the learner's to read.</summary>
internal static class ListNotes
{
    public sealed record Query(Guid CohortId, Guid LearnerId, PageRequest Paging) : IQuery<PagedResult<JournalNoteResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<JournalNoteResponse>>
    {
        public async ValueTask<PagedResult<JournalNoteResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.FollowingLearnerAsync(db, query.CohortId, query.LearnerId, me.Id, cancellationToken);
            var page = await db.Notes.AsNoTracking()
                .Where(n => n.CohortId == query.CohortId && n.LearnerId == query.LearnerId)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .ToPageAsync(query.Paging, cancellationToken);
            var names = await sender.NamesAsync(page.Items.Select(n => n.AuthorId), cancellationToken);
            return new PagedResult<JournalNoteResponse>([.. page.Items.Select(n => JournalNoteResponse.From(n, names, me.Id))], page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members/{userId:guid}/notes", async (Guid cohortId, Guid userId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, userId, paging), ct)))
            .WithName("ListJournalNotes")
            .WithSummary("A learner's private follow-up notes, newest first (trainers, org admins, the learner's mentor)")
            .WithDescription("Trainers and org admins (`ActOnAllLearners`) read every learner's journal, a mentor their own learners' only (another learner's: 403); the learner themself, other learners and a partner's admin 403; outsiders, and a learner who was never in the cohort, 404. Each note says who wrote it and when (`mine`: the caller's, which they alone may delete), and carries its Markdown and its sanitized HTML. Paged (default 20, max 100).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
