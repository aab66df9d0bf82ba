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
    /// <param name="Adjustments">A group project: points added to or taken from the group's score for some of its learners (each once, with a reason); the others get the group's score.</param>
    public sealed record Request(
        decimal? Score, [property: MultiLine] string? Feedback, GradeStatus Status, string? OverrideReason, IReadOnlyList<RubricChoice>? RubricScores = null,
        IReadOnlyList<GradeAdjustment>? Adjustments = null);

    /// <summary>The level a grader chooses for one criterion of the assignment's rubric.</summary>
    /// <param name="CriterionId">A criterion of the assignment's rubric (<c>rubric.criteria[].id</c>).</param>
    /// <param name="LevelId">One of that criterion's levels.</param>
    /// <param name="Comment">Feedback on this criterion (Markdown, at most 2,000 characters), shown to the learner once released.</param>
    public sealed record RubricChoice(Guid CriterionId, Guid LevelId, [property: MultiLine] string? Comment);

    public sealed record Command(
        Guid SubmissionId, string? IfMatch, decimal? Score, string? Feedback, GradeStatus Status, string? OverrideReason, IReadOnlyList<RubricChoice>? RubricScores,
        IReadOnlyList<GradeAdjustment>? Adjustments = null)
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
            RuleFor(c => c.Adjustments).MaxItems(100)
                .Must(a => a is null || a.Select(x => x?.LearnerId).Distinct().Count() == a.Count).WithMessage("At most one adjustment per learner.");
            RuleForEach(c => c.Adjustments).NotNull().ChildRules(a =>
            {
                a.RuleFor(x => x.Points).InclusiveBetween(-10_000, 10_000).PrecisionScale(7, 2, true);
                a.RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
            });
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
            var (submission, access) = await GradableAsync(db, sender, me.Id, command.SubmissionId, cancellationToken);
            var assignment = await db.Assignments.AsNoTracking().Where(a => a.Id == submission.AssignmentId)
                .Select(a => new { a.MaxPoints, a.Rubric }).FirstAsync(cancellationToken);
            var rubricScores = RubricGrading.Scores(assignment.Rubric, command.RubricScores ?? [], command.Status);

            // What the work earns on its own: the chosen levels (scaled), or a quiz's score (after its late penalty).
            var computed = rubricScores.Count > 0 ? RubricGrading.Score(assignment.Rubric, rubricScores, assignment.MaxPoints) : submission.Score;
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

            // A group's attempt is graded once for every learner it was handed in for (docs/adr/0022), each with their adjustment.
            var rows = submission.GroupId is null ? [submission] : await db.Submissions.AsNoTracking()
                .Where(s => s.AssignmentId == submission.AssignmentId && s.GroupId == submission.GroupId && s.Attempt == submission.Attempt)
                .ToListAsync(cancellationToken);
            if (!rows.All(r => access.CanActOn(r.AuthorId)))
            {
                throw ProblemException.Forbidden("A group's work is graded by the cohort's trainers and org admins, or a mentor of each of its learners.");
            }

            var adjustments = (command.Adjustments ?? []).ToDictionary(a => a.LearnerId);
            if (adjustments.Keys.Any(id => !rows.Any(r => r.AuthorId == id)))
            {
                throw Rules.Invalid("Adjustments", "Adjust only the learners of the group that handed this in.");
            }

            if (adjustments.Values.Any(a => score + a.Points < 0 || score + a.Points > assignment.MaxPoints))
            {
                throw Rules.Invalid("Adjustments", $"Each adjusted score stays between 0 and {assignment.MaxPoints} points.");
            }

            var ids = rows.Select(r => r.Id).ToList();
            var grades = await db.Grades.Where(g => ids.Contains(g.SubmissionId)).ToDictionaryAsync(g => g.SubmissionId, cancellationToken);
            var first = grades.Count == 0;
            if (!first)
            {
                // Changing a grade someone wrote requires its ETag: whoever had not seen the last change must read it first.
                // A group's grades share one version, so that ETag guards all of them.
                if (string.IsNullOrWhiteSpace(command.IfMatch) || command.IfMatch.Trim() == "*")
                {
                    throw ProblemException.PreconditionFailed();
                }

                foreach (var existing in grades.Values)
                {
                    db.Expect(existing, command.IfMatch);
                }
            }

            var feedback = command.Feedback ?? "";
            var feedbackHtml = Markdown.ToSafeHtml(feedback);
            var now = clock.GetUtcNow();
            var version = Guid.NewGuid();
            foreach (var row in rows)
            {
                var grade = grades.GetValueOrDefault(row.Id);
                var before = grade?.Snapshot();
                if (grade is null)
                {
                    grade = new Grade { SubmissionId = row.Id, AssignmentId = row.AssignmentId, CohortId = row.CohortId, AuthorId = row.AuthorId };
                    db.Grades.Add(grade);
                    grades[row.Id] = grade;
                }

                var adjustment = adjustments.GetValueOrDefault(row.AuthorId);
                (grade.Score, grade.FeedbackMarkdown, grade.FeedbackHtml, grade.Status, grade.OverrideReason, grade.RubricScores, grade.Adjustment, grade.AdjustmentReason) =
                    (score + (adjustment?.Points ?? 0), feedback, feedbackHtml, command.Status, reason, [.. rubricScores], adjustment?.Points ?? 0, adjustment?.Reason.Trim());
                grade.Version = version;
                Record(grade, row, before, assignment.MaxPoints, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            // Another grader's first grade got in first: this caller graded without seeing it.
            catch (DbUpdateException e) when (first && e.IsUniqueViolation())
            {
                throw ProblemException.PreconditionFailed();
            }

            return GradeResponse.From(grades[submission.Id]);
        }

        /// <summary>A change is kept in the history, and a new status is announced to the learner's other modules.</summary>
        private void Record(Grade grade, Submission row, GradeSnapshot? before, decimal maxPoints, DateTimeOffset now)
        {
            var after = grade.Snapshot();
            if (after == before)
            {
                return;
            }

            (grade.GradedBy, grade.GradedAt) = (me.Id, now);
            db.GradeChanges.Add(new GradeChange { SubmissionId = row.Id, ChangedBy = me.Id, ChangedAt = now, Before = before, After = after });
            if (after.Status != before?.Status)
            {
                if (after.Status == GradeStatus.Released)
                {
                    db.AddIntegrationEvent(new GradeReleased(row.CohortId, row.AssignmentId, row.Id, row.AuthorId, grade.Score, maxPoints, now), now);
                }
                else if (after.Status == GradeStatus.ReturnedForRevision)
                {
                    db.AddIntegrationEvent(new RevisionRequested(row.CohortId, row.AssignmentId, row.Id, row.AuthorId, now), now);
                }
            }
        }
    }

    /// <summary>
    /// The submission when the caller may grade its author (trainers, org admins, the author's mentor); its author 403;
    /// everyone else 404, as for an unknown id.
    /// </summary>
    public static async Task<(Submission Submission, CohortAccessInfo Access)> GradableAsync(AssessmentDbContext db, ISender sender, Guid callerId, Guid submissionId, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        var access = submission is null ? null : await sender.Send(new GetCohortAccess(submission.CohortId, callerId), ct);
        if (submission is null || access is null || (submission.AuthorId != callerId && !access.CanActOn(submission.AuthorId)))
        {
            throw ProblemException.NotFound("This submission");
        }

        return access.CanActOn(submission.AuthorId) ? (submission, access) : throw ProblemException.Forbidden("Only the cohort's trainers, org admins and the learner's mentor grade work.");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/submissions/{submissionId:guid}/grade", async (Guid submissionId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(submissionId, ifMatch, request.Score, request.Feedback, request.Status, request.OverrideReason, request.RubricScores, request.Adjustments), ct)))
            .WithName("GradeSubmission")
            .WithSummary("Grade a submission (trainers, org admins; a mentor: their own learners')")
            .WithDescription("Requires `ActOnAllLearners`, or `ActOnOwnMentees` for the author's mentor. Its author gets 403; everyone else, other mentors included, 404. `score` is 0 to the assignment's `maxPoints` (a quiz's computed score when omitted; changing it requires `overrideReason`). With a rubric, `rubricScores` choose one level per criterion (`criterionId`, `levelId`, optional `comment`; unknown ids 400 naming the field; partial in a Draft, every criterion to release): the score is the sum of the chosen levels' points, scaled to `maxPoints` when the rubric's `totalPoints` differs (sum × maxPoints ÷ totalPoints), rounded to 2 decimals (a late penalty is taken off in the gradebook, as for any grader's score); a different `score` requires `overrideReason`. The chosen levels are kept with their titles and points in the grade and its history, and shown to the learner with the grade once released. A group project's attempt is graded once for all the learners it was handed in for (any of their submission ids), each getting `score` plus their entry in `adjustments` (a reason each; the result stays within 0 and `maxPoints`); a mentor grades it only when they mentor each of them (403). Once a grade exists, changing it requires its `ETag` as `If-Match` (missing or stale: 412, nothing is overwritten). Every change is kept in the grade's history. Releasing it emits `GradeReleased`, returning it for revision `RevisionRequested`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}

/// <summary>Points added to (positive) or taken from (negative) a group's score for one of its learners.</summary>
/// <param name="Reason">Why this learner's score differs from the group's (at most 500 characters), kept in the grade's history.</param>
public sealed record GradeAdjustment(Guid LearnerId, decimal Points, string Reason);
