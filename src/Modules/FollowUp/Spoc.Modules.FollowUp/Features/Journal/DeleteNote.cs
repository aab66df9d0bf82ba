using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Journal;

/// <summary>DELETE /cohorts/{cohortId}/members/{userId}/notes/{noteId}: a note's author takes it back.</summary>
internal static class DeleteNote
{
    public sealed record Command(Guid CohortId, Guid LearnerId, Guid NoteId) : ICommand;

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.FollowingLearnerAsync(db, command.CohortId, command.LearnerId, me.Id, cancellationToken);
            var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == command.NoteId && n.CohortId == command.CohortId && n.LearnerId == command.LearnerId, cancellationToken)
                ?? throw ProblemException.NotFound("This note");
            if (note.AuthorId != me.Id)
            {
                throw ProblemException.Forbidden("Only its author deletes a note.");
            }

            db.Notes.Remove(note);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/cohorts/{cohortId:guid}/members/{userId:guid}/notes/{noteId:guid}", async (Guid cohortId, Guid userId, Guid noteId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(cohortId, userId, noteId), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteJournalNote")
            .WithSummary("Delete one's own follow-up note")
            .WithDescription("Its author only (403 for the other readers of the journal; 404 for those who may not read it, and for a note of another journal).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
