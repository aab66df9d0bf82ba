using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.FollowUp.Data;
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
            db.Notes.Remove(await db.OwnNoteAsync(sender, command.CohortId, command.LearnerId, command.NoteId, me.Id, cancellationToken));
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
