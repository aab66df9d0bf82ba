using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Members;

/// <summary>
/// PUT /cohorts/{cohortId}/members/{userId}/mentor: staff give a learner a mentor (a mentor or trainer of the cohort), or none.
/// <c>If-Match</c> (the member's <c>etag</c> in the roster) → 412 when someone reassigned them meanwhile.
/// </summary>
internal static class AssignMentor
{
    public sealed record Request(Guid? MentorId);

    public sealed record Command(Guid CohortId, Guid LearnerId, string? IfMatch, Guid? MentorId) : ICommand<Guid>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        /// <returns>The member's new version.</returns>
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!(await gate.RequireVisibleAsync(command.CohortId, cancellationToken)).CanActOn(command.LearnerId))
            {
                throw ProblemException.Forbidden("Trainers and org admins assign any learner's mentor, a mentor only their own learners'.");
            }

            var learner = await db.Members.FirstOrDefaultAsync(m => m.CohortId == command.CohortId && m.UserId == command.LearnerId && m.Role == CohortRole.Learner, cancellationToken)
                ?? throw ProblemException.NotFound("This learner");
            db.Expect(learner, command.IfMatch);
            if (command.MentorId is { } mentorId
                && !await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.UserId == mentorId && (m.Role == CohortRole.Mentor || m.Role == CohortRole.Trainer), cancellationToken))
            {
                throw CohortProblems.NotAMentor.Exception();
            }

            learner.MentorId = command.MentorId;
            db.AddIntegrationEvent(new MentorAssigned(command.CohortId, command.LearnerId, command.MentorId), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return learner.Version;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}/members/{userId:guid}/mentor", async (Guid cohortId, Guid userId, Request request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.ETag = ETags.Of(await sender.Send(new Command(cohortId, userId, ifMatch, request.MentorId), ct));
                return TypedResults.NoContent();
            })
            .WithName("AssignMentor")
            .WithSummary("Assign a learner's mentor, or unassign with null (staff)")
            .WithDescription("Requires `ActOnAllLearners` (trainers, owner admins), or `ActOnOwnMentees` for a mentor's own learners; 403 otherwise, 404 for outsiders or someone who is not a learner of the cohort. `mentorId` must be a mentor or trainer of the cohort (409 not-a-mentor). `If-Match` with the learner's `ETag` is optional (412 when stale); the response's `ETag` is the new version.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.NotAMentor);
}
