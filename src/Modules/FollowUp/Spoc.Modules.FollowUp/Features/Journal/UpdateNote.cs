using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.FollowUp.Features.Journal;

/// <summary>PATCH /cohorts/{cohortId}/members/{userId}/notes/{noteId}: a note's author rewrites it; it then shows as edited.</summary>
internal static class UpdateNote
{
    /// <param name="Body">The new Markdown, at most 20,000 characters.</param>
    public sealed record Request([property: MultiLine] string Body);

    public sealed record Command(Guid CohortId, Guid LearnerId, Guid NoteId, [property: MultiLine] string Body) : ICommand<JournalNoteResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).NotEmpty().MaximumLength(AddNote.MaxBodyLength);
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, JournalNoteResponse>
    {
        public async ValueTask<JournalNoteResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var note = await db.OwnNoteAsync(sender, command.CohortId, command.LearnerId, command.NoteId, me.Id, cancellationToken);
            note.Body = command.Body;
            note.BodyHtml = Markdown.ToSafeHtml(command.Body);
            note.EditedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return JournalNoteResponse.From(note, await sender.NamesAsync([me.Id], cancellationToken), me.Id);
        }
    }

    /// <summary>A note of this learner's journal that the caller wrote: 404 when there is none, 403 when someone else wrote it.</summary>
    public static async Task<Domain.JournalNote> OwnNoteAsync(this FollowUpDbContext db, ISender sender, Guid cohortId, Guid learnerId, Guid noteId, Guid me, CancellationToken ct)
    {
        await sender.FollowingLearnerAsync(db, cohortId, learnerId, me, ct);
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId && n.CohortId == cohortId && n.LearnerId == learnerId, ct)
            ?? throw ProblemException.NotFound("This note");
        return note.AuthorId == me ? note : throw ProblemException.Forbidden("Only its author edits or deletes a note.");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPatch("/cohorts/{cohortId:guid}/members/{userId:guid}/notes/{noteId:guid}", async (Guid cohortId, Guid userId, Guid noteId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, userId, noteId, request.Body), ct)))
            .WithName("EditJournalNote")
            .WithSummary("Rewrite one's own follow-up note (shown as edited)")
            .WithDescription("Its author only, while they still follow the learner (403 for the other readers of the journal; 404 for those who may not read it, and for a note of another journal). Sets `editedAt`. `body` as for POST.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
