using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Assessment.Features.Grading;

/// <summary>
/// PUT /submissions/{submissionId}/grade: trainers, org admins and the author's mentor grade a submission. Each change is kept
/// (who, when, before, after); a stale <c>If-Match</c> is 412, so two graders at once never silently overwrite each other.
/// </summary>
internal static class GradeSubmission
{
    /// <param name="Score">Points, 0 to the assignment's <c>maxPoints</c>. A quiz's computed score when omitted; required for other kinds.</param>
    /// <param name="Feedback">Overall feedback in Markdown (at most 20,000 characters), rendered and sanitised for the learner.</param>
    /// <param name="Status">Draft (invisible to the learner), Released, or ReturnedForRevision (the learner may hand in a new attempt).</param>
    /// <param name="OverrideReason">Required when the score of a quiz differs from the one computed at submission.</param>
    public sealed record Request(decimal? Score, [property: MultiLine] string? Feedback, GradeStatus Status, string? OverrideReason);

    public sealed record Command(Guid SubmissionId, string? IfMatch, decimal? Score, string? Feedback, GradeStatus Status, string? OverrideReason) : ICommand<GradeResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Score).GreaterThanOrEqualTo(0).PrecisionScale(7, 2, true);
            RuleFor(c => c.Feedback).MaximumLength(20_000);
            RuleFor(c => c.Status).IsInEnum();
            RuleFor(c => c.OverrideReason).MaximumLength(500);
        }
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, GradeResponse>
    {
        public async ValueTask<GradeResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var submission = await GradableAsync(db, sender, me.Id, command.SubmissionId, cancellationToken);
            var assignment = await db.Assignments.AsNoTracking().Where(a => a.Id == submission.AssignmentId)
                .Select(a => new { a.Kind, a.MaxPoints }).FirstAsync(cancellationToken);
            var score = command.Score ?? submission.Score ?? throw Rules.Invalid("Score", "Give a score: only quizzes are scored on their own.");
            if (score > assignment.MaxPoints)
            {
                throw Rules.Invalid("Score", $"At most {assignment.MaxPoints} points.");
            }

            var reason = string.IsNullOrWhiteSpace(command.OverrideReason) ? null : command.OverrideReason.Trim();
            if (assignment.Kind == AssignmentKind.Quiz && score != submission.Score && reason is null)
            {
                throw Rules.Invalid("OverrideReason", "Say why this quiz's computed score changes.");
            }

            var grade = await db.Grades.FirstOrDefaultAsync(g => g.SubmissionId == submission.Id, cancellationToken);
            var before = grade?.Snapshot();
            if (grade is null)
            {
                grade = new Grade { SubmissionId = submission.Id, AssignmentId = submission.AssignmentId, CohortId = submission.CohortId, AuthorId = submission.AuthorId };
                db.Grades.Add(grade);
            }
            else
            {
                // Changing a grade someone wrote requires its ETag: whoever had not seen the last change must read it first.
                if (string.IsNullOrWhiteSpace(command.IfMatch) || command.IfMatch.Trim() == "*")
                {
                    throw ProblemException.PreconditionFailed();
                }

                db.Expect(grade, command.IfMatch);
            }

            var feedback = command.Feedback ?? "";
            (grade.Score, grade.FeedbackMarkdown, grade.FeedbackHtml, grade.Status, grade.OverrideReason) =
                (score, feedback, Markdown.ToSafeHtml(feedback), command.Status, reason);
            var after = grade.Snapshot();
            if (after != before)
            {
                var now = clock.GetUtcNow();
                (grade.GradedBy, grade.GradedAt) = (me.Id, now);
                db.GradeChanges.Add(new GradeChange { SubmissionId = submission.Id, ChangedBy = me.Id, ChangedAt = now, Before = before, After = after });
                if (after.Status != before?.Status)
                {
                    if (after.Status == GradeStatus.Released)
                    {
                        db.AddIntegrationEvent(new GradeReleased(submission.CohortId, submission.AssignmentId, submission.Id, submission.AuthorId, score, now), now);
                    }
                    else if (after.Status == GradeStatus.ReturnedForRevision)
                    {
                        db.AddIntegrationEvent(new RevisionRequested(submission.CohortId, submission.AssignmentId, submission.Id, submission.AuthorId, now), now);
                    }
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            // Another grader's first grade got in first: this caller graded without seeing it.
            catch (DbUpdateException e) when (before is null && e.IsUniqueViolation())
            {
                throw ProblemException.PreconditionFailed();
            }

            return GradeResponse.From(grade);
        }
    }

    /// <summary>
    /// The submission when the caller may grade its author (trainers, org admins, the author's mentor); its author 403;
    /// everyone else 404, as for an unknown id.
    /// </summary>
    public static async Task<Submission> GradableAsync(AssessmentDbContext db, ISender sender, Guid callerId, Guid submissionId, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        var access = submission is null ? null : await sender.Send(new GetCohortAccess(submission.CohortId, callerId), ct);
        if (submission is null || access is null || (submission.AuthorId != callerId && !access.CanActOn(submission.AuthorId)))
        {
            throw ProblemException.NotFound("This submission");
        }

        return access.CanActOn(submission.AuthorId) ? submission : throw ProblemException.Forbidden("Only the cohort's trainers, org admins and the learner's mentor grade work.");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/submissions/{submissionId:guid}/grade", async (Guid submissionId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(submissionId, ifMatch, request.Score, request.Feedback, request.Status, request.OverrideReason), ct)))
            .WithName("GradeSubmission")
            .WithSummary("Grade a submission (trainers, org admins; a mentor: their own learners')")
            .WithDescription("Requires `ActOnAllLearners`, or `ActOnOwnMentees` for the author's mentor. Its author gets 403; everyone else, other mentors included, 404. `score` is 0 to the assignment's `maxPoints` (a quiz's computed score when omitted; changing it requires `overrideReason`). Once a grade exists, changing it requires its `ETag` as `If-Match` (missing or stale: 412, nothing is overwritten). Every change is kept in the grade's history. Releasing it emits `GradeReleased`, returning it for revision `RevisionRequested`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
