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
    /// <param name="Score">Points, 0 to the assignment's <c>maxPoints</c>. When omitted: a quiz's computed score, or the one computed from
    /// <c>rubricScores</c>; required otherwise. Differing from a computed score requires <c>overrideReason</c>.</param>
    /// <param name="Feedback">Overall feedback in Markdown (at most 20,000 characters), rendered and sanitised for the learner.</param>
    /// <param name="Status">Draft (invisible to the learner), Released, or ReturnedForRevision (the learner may hand in a new attempt).</param>
    /// <param name="OverrideReason">Required when the score differs from the computed one (a quiz's, or the rubric's).</param>
    /// <param name="RubricScores">With the assignment's rubric: at most one level per criterion, each with an optional comment. Partial in a
    /// draft; every criterion once Released.</param>
    public sealed record Request(
        decimal? Score, [property: MultiLine] string? Feedback, GradeStatus Status, string? OverrideReason, IReadOnlyList<RubricChoice>? RubricScores = null);

    /// <summary>The level a grader chooses for one criterion of the assignment's rubric.</summary>
    /// <param name="CriterionId">A criterion of the assignment's rubric (<c>rubric.criteria[].id</c>).</param>
    /// <param name="LevelId">One of that criterion's levels.</param>
    /// <param name="Comment">Feedback on this criterion (Markdown, at most 2,000 characters), shown to the learner once released.</param>
    public sealed record RubricChoice(Guid CriterionId, Guid LevelId, [property: MultiLine] string? Comment);

    public sealed record Command(Guid SubmissionId, string? IfMatch, decimal? Score, string? Feedback, GradeStatus Status, string? OverrideReason, IReadOnlyList<RubricChoice>? RubricScores)
        : ICommand<GradeResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Score).GreaterThanOrEqualTo(0).PrecisionScale(7, 2, true);
            RuleFor(c => c.Feedback).MaximumLength(20_000);
            RuleFor(c => c.Status).IsInEnum();
            RuleFor(c => c.OverrideReason).MaximumLength(500);
            RuleFor(c => c.RubricScores).MaxItems(30);
            RuleForEach(c => c.RubricScores).NotNull().ChildRules(r => r.RuleFor(x => x.Comment).MaximumLength(2000));
            RuleFor(c => c.RubricScores).Must(r => r is null || r.Where(x => x is not null).Select(x => x.CriterionId).Distinct().Count() == r.Count)
                .WithMessage("At most one level per criterion.");
        }
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, GradeResponse>
    {
        public async ValueTask<GradeResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var submission = await GradableAsync(db, sender, me.Id, command.SubmissionId, cancellationToken);
            var assignment = await db.Assignments.AsNoTracking().Where(a => a.Id == submission.AssignmentId)
                .Select(a => new { a.MaxPoints, a.Rubric }).FirstAsync(cancellationToken);
            var rubricScores = RubricGrading.Scores(assignment.Rubric, command.RubricScores ?? [], command.Status);

            // What the work earns on its own: the chosen levels (scaled, after any late penalty), or a quiz's score.
            var computed = rubricScores.Count > 0 ? RubricGrading.Score(assignment.Rubric, rubricScores, assignment.MaxPoints, submission.PenaltyPercent) : submission.Score;
            var score = command.Score ?? computed ?? throw Rules.Invalid("Score", "Give a score, or the rubric's levels: only quizzes are scored on their own.");
            if (score > assignment.MaxPoints)
            {
                throw Rules.Invalid("Score", $"At most {assignment.MaxPoints} points.");
            }

            var reason = string.IsNullOrWhiteSpace(command.OverrideReason) ? null : command.OverrideReason.Trim();
            if (computed is not null && score != computed && reason is null)
            {
                throw Rules.Invalid("OverrideReason", $"Say why the score differs from the computed {computed} points.");
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
            (grade.Score, grade.FeedbackMarkdown, grade.FeedbackHtml, grade.Status, grade.OverrideReason, grade.RubricScores) =
                (score, feedback, Markdown.ToSafeHtml(feedback), command.Status, reason, rubricScores);
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
                TypedResults.Ok(await sender.Send(new Command(submissionId, ifMatch, request.Score, request.Feedback, request.Status, request.OverrideReason, request.RubricScores), ct)))
            .WithName("GradeSubmission")
            .WithSummary("Grade a submission (trainers, org admins; a mentor: their own learners')")
            .WithDescription("Requires `ActOnAllLearners`, or `ActOnOwnMentees` for the author's mentor. Its author gets 403; everyone else, other mentors included, 404. `score` is 0 to the assignment's `maxPoints` (a quiz's computed score when omitted; changing it requires `overrideReason`). With a rubric, `rubricScores` choose one level per criterion (`criterionId`, `levelId`, optional `comment`; unknown ids 400 naming the field; partial in a Draft, every criterion to release): the score is the sum of the chosen levels' points, scaled to `maxPoints` when the rubric's `totalPoints` differs (sum × maxPoints ÷ totalPoints), less any late penalty, rounded to 2 decimals; a different `score` requires `overrideReason`. The chosen levels are kept with their titles and points in the grade and its history, and shown to the learner with the grade once released. Once a grade exists, changing it requires its `ETag` as `If-Match` (missing or stale: 412, nothing is overwritten). Every change is kept in the grade's history. Releasing it emits `GradeReleased`, returning it for revision `RevisionRequested`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
