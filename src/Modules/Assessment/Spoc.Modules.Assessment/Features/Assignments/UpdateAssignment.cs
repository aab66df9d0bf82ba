using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Assignments;

/// <summary>PUT /assignments/{assignmentId}: trainers and org admins replace an assignment. <c>If-Match</c> → 412 on a stale copy.</summary>
internal static class UpdateAssignment
{
    public sealed record Command(Guid AssignmentId, string? IfMatch, AssignmentInput Assignment) : ICommand<AssignmentResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Assignment).SetValidator(new AssignmentInputValidator());
        }
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, AssignmentResponse>
    {
        public async ValueTask<AssignmentResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == command.AssignmentId, cancellationToken)
                ?? throw ProblemException.NotFound("This assignment");
            var access = await sender.RequireInsideAsync(assignment.CohortId, me.Id, cancellationToken);
            var now = clock.GetUtcNow();
            if (!access.Can(CohortCapability.ManageAssignments))
            {
                // Who may not even see it (a learner, before its release) learns nothing more from a 403.
                throw await db.Assignments.Where(a => a.Id == assignment.Id).VisibleTo(access, now).AnyAsync(cancellationToken)
                    ? ProblemException.Forbidden("Only the cohort's trainers and org admins edit assignments.")
                    : ProblemException.NotFound("This assignment");
            }

            db.Expect(assignment, command.IfMatch);
            assignment.Apply(command.Assignment, await db.RubricOfAsync(sender, command.Assignment, access, cancellationToken));

            // Scores and attempts were computed against the kind and questions learners saw: those stay once work is in.
            db.ChangeTracker.DetectChanges();
            var entry = db.Entry(assignment);
            if ((entry.Property(a => a.Kind).IsModified || entry.Property(a => a.Questions).IsModified)
                && await db.Submissions.AnyAsync(s => s.AssignmentId == assignment.Id, cancellationToken))
            {
                throw AssessmentProblems.AssignmentHasSubmissions.Exception();
            }

            // Grades name the rubric's criteria and levels: the rubric they were given against stays.
            if (entry.Property(a => a.Rubric).IsModified && await db.Grades.AnyAsync(g => g.AssignmentId == assignment.Id, cancellationToken))
            {
                throw AssessmentProblems.RubricInUse.Exception();
            }

            await db.SaveChangesAsync(cancellationToken);
            return AssignmentResponse.For(assignment, access, 0, now);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/assignments/{assignmentId:guid}", async (Guid assignmentId, AssignmentInput assignment, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(assignmentId, ifMatch, assignment), ct)))
            .WithName("UpdateAssignment")
            .WithSummary("Edit an assignment (trainers, org admins)")
            .WithDescription("Requires `ManageAssignments` in its cohort (mentors and learners who see it 403; those who do not, and outsiders, 404). Replaces the whole assignment under the same rules as creation; once learners have handed in work, its `kind` and `questions` stay (409 `assignment-has-submissions`), and once one is graded its `rubric` stays (409 `rubric-in-use`; sending it back unchanged, with or without its ids, is fine). Send its `ETag` as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, AssessmentProblems.AssignmentHasSubmissions, AssessmentProblems.RubricInUse);
}
