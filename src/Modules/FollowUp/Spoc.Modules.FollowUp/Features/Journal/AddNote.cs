using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.FollowUp.Features.Journal;

/// <summary>POST /cohorts/{cohortId}/members/{userId}/notes: the cohort's staff or the learner's mentor write a private note about them.</summary>
internal static class AddNote
{
    public const int MaxBodyLength = 20_000;

    /// <param name="Body">Markdown, at most 20,000 characters; stored rendered and sanitized too.</param>
    public sealed record Request([property: MultiLine] string Body);

    public sealed record Command(Guid CohortId, Guid LearnerId, [property: MultiLine] string Body) : ICommand<JournalNoteResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).NotEmpty().MaximumLength(MaxBodyLength);
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, JournalNoteResponse>
    {
        public async ValueTask<JournalNoteResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.FollowingLearnerAsync(db, command.CohortId, command.LearnerId, me.Id, cancellationToken);
            var note = db.Notes.Add(new JournalNote
            {
                CohortId = command.CohortId, LearnerId = command.LearnerId, AuthorId = me.Id, Body = command.Body, BodyHtml = Markdown.ToSafeHtml(command.Body),
                CreatedAt = clock.GetUtcNow(),
            }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            return JournalNoteResponse.From(note, await sender.NamesAsync([me.Id], cancellationToken), me.Id);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/members/{userId:guid}/notes", async (Guid cohortId, Guid userId, Request request, ISender sender, CancellationToken ct) =>
            {
                var note = await sender.Send(new Command(cohortId, userId, request.Body), ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohortId}/members/{userId}/notes/{note.Id}", note);
            })
            .WithName("AddJournalNote")
            .WithSummary("Write a private note in a learner's follow-up journal (trainers, org admins, the learner's mentor)")
            .WithDescription("Who may read the journal writes in it (see GET notes: a mentor for their own learners only; the learner never). `body` is Markdown (1 to 20,000 characters), rendered and sanitized on saving. The note is never shown to the learner, in any route.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
