using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Assignments;

/// <summary>POST /cohorts/{cohortId}/assignments: the cohort's trainers and org admins set a quiz, a text, a file or a group project.</summary>
internal static class CreateAssignment
{
    public sealed record Command(Guid CohortId, AssignmentInput Assignment) : ICommand<AssignmentResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Assignment).SetValidator(new AssignmentInputValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, AssignmentResponse>
    {
        public async ValueTask<AssignmentResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(command.CohortId, me.Id, cancellationToken);
            if (!access.Can(CohortCapability.ManageAssignments))
            {
                throw ProblemException.Forbidden("Only the cohort's trainers and org admins set assignments.");
            }

            var now = clock.GetUtcNow();
            var assignment = new Assignment { CohortId = command.CohortId, Title = "", Category = "", CreatedAt = now };
            assignment.Apply(command.Assignment, await db.RubricOfAsync(sender, command.Assignment, access, cancellationToken));
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync(cancellationToken);
            return AssignmentResponse.For(assignment, access, 0, now);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/assignments", async (Guid cohortId, AssignmentInput assignment, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new Command(cohortId, assignment), ct);
                return TypedResults.Created($"/api/v1/assignments/{created.Id}", created);
            })
            .WithName("CreateAssignment")
            .WithSummary("Set an assignment in a cohort: quiz, text, file or group project (trainers, org admins)")
            .WithDescription("Requires `ManageAssignments` (mentors, learners and a partner's admin 403; outsiders 404). `releaseAt` before `dueAt`; `instructions` are Markdown, rendered and sanitised. `latePolicy`: `AcceptAndFlag`, `PenaltyPerDay` (with `latePenaltyPercentPerDay`, 1-100) or `Refuse`. A `Quiz` needs 1-100 `questions` whose points add up to `maxPoints`, and may limit `maxAttempts`; per type: `SingleChoice` 2-20 choices with exactly one correct, `MultipleChoice` at least one correct, `Numeric` an `answer` and an optional `tolerance`, `ShortText` its `accepted` answers. Other kinds have no questions, and may carry a `rubric` (1-30 criteria of 2-10 levels, listed from the lowest, points strictly increasing; a criterion may name a `competencyCode` of the cohort's course) or copy one with `rubricTemplateId` (a template of the cohort's organisation). `isPublished: false` keeps it a draft.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
