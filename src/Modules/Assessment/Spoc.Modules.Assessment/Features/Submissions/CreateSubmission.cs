using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Assessment.Features.Assignments;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Assessment.Features.Submissions;

/// <summary>
/// POST /assignments/{assignmentId}/submissions: a learner hands in an attempt. Quizzes are scored at once; the late flag
/// and penalty are judged against the learner's own due date. Nothing in the body sets a score: it is computed or graded.
/// </summary>
internal static class CreateSubmission
{
    /// <param name="Text">Text assignments and group projects: Markdown (at most 50,000 characters), rendered and sanitised for graders.</param>
    /// <param name="Answers">Quizzes: at most one answer per question; unanswered questions earn nothing.</param>
    /// <param name="FileIds">File assignments and group projects: 1 to 10 files the caller uploaded with POST /files.</param>
    public sealed record Request([property: MultiLine] string? Text, IReadOnlyList<QuizAnswer>? Answers, IReadOnlyList<Guid>? FileIds);

    public sealed record Command(Guid AssignmentId, string? Text, IReadOnlyList<QuizAnswer>? Answers, IReadOnlyList<Guid>? FileIds) : ICommand<SubmissionResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).MaximumLength(50_000);
            RuleFor(c => c.Answers).MaxItems(100);
            RuleForEach(c => c.Answers).NotNull().ChildRules(a =>
            {
                a.RuleFor(x => x.QuestionIndex).InclusiveBetween(0, 99);
                a.RuleFor(x => x.ChoiceIndexes).MaxItems(20);
                a.RuleForEach(x => x.ChoiceIndexes).InclusiveBetween(0, 19);
                a.RuleFor(x => x.Value).MaximumLength(200);
            });
            RuleFor(c => c.Answers).Must(a => a is null || a.Where(x => x is not null).Select(x => x.QuestionIndex).Distinct().Count() == a.Count)
                .WithMessage("At most one answer per question.");
            RuleFor(c => c.FileIds).MaxItems(10);
        }
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, SubmissionResponse>
    {
        public async ValueTask<SubmissionResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.AssignmentId, cancellationToken)
                ?? throw ProblemException.NotFound("This assignment");
            var access = await sender.RequireInsideAsync(assignment.CohortId, me.Id, cancellationToken);
            var now = clock.GetUtcNow();
            if (!access.Can(CohortCapability.Learn) || !assignment.IsOpenAt(now))
            {
                throw await db.Assignments.Where(a => a.Id == assignment.Id).VisibleTo(access, now).AnyAsync(cancellationToken)
                    ? ProblemException.Forbidden("Only the cohort's learners hand in work.")
                    : ProblemException.NotFound("This assignment");
            }

            // A group project is handed in once for the group: one row per learner of it (docs/adr/0022).
            var group = Submission.IsIndividual(assignment.Kind) ? null
                : await sender.Send(new GetProjectGroupOf(assignment.CohortId, me.Id), cancellationToken) ?? throw AssessmentProblems.NotInAGroup.Exception();
            var authors = group?.LearnerIds ?? [me.Id];
            var groupId = group?.GroupId;
            RequireTheShapeOf(assignment, command);

            // The attempts so far: the caller's own, or those of the group and of each of its learners (one may come from another group).
            var theirs = db.Submissions.Where(s => s.AssignmentId == assignment.Id && (groupId == null ? s.AuthorId == me.Id : s.GroupId == groupId || authors.Contains(s.AuthorId)));
            var previous = await theirs.MaxAsync(s => (int?)s.Attempt, cancellationToken) ?? 0;
            // A last attempt returned for revision reopens the assignment to its authors, whatever its resubmission rule.
            if (previous > 0 && !assignment.AllowResubmission && !await db.Grades.AnyAsync(
                    g => g.Status == GradeStatus.ReturnedForRevision && theirs.Any(s => s.Id == g.SubmissionId && s.Attempt == previous), cancellationToken))
            {
                throw AssessmentProblems.ResubmissionNotAllowed.Exception();
            }

            if (assignment.MaxAttempts is { } max && previous >= max)
            {
                throw AssessmentProblems.AttemptsExhausted.Exception(max);
            }

            // Late is each learner's own: against their due date after their pacing shift; a refusal, against the caller's.
            var shifts = await sender.Send(new GetDueDateShifts(assignment.CohortId, authors), cancellationToken);
            DateTimeOffset DueOf(Guid learnerId) => CohortAssessment.PersonalDueAt(assignment.DueAt, shifts.GetValueOrDefault(learnerId), access.TimeZone);
            if (Submission.DaysLateAt(now, DueOf(me.Id)) > 0 && assignment.LatePolicy == LatePolicy.Refuse)
            {
                throw AssessmentProblems.SubmissionTooLate.Exception(DueOf(me.Id).UtcDateTime);
            }

            var fileIds = (command.FileIds ?? []).Distinct().ToList();
            // Only one's own uploads, all read in one query: nobody hands in someone else's file.
            var files = fileIds.Count == 0 ? [] : await sender.Send(new GetStoredFiles(fileIds), cancellationToken);
            if (files.Count != fileIds.Count || files.Any(f => f.OwnerId != me.Id))
            {
                throw Rules.Invalid("FileIds", "Upload each file first (POST /files), then hand it in.");
            }

            var answers = (command.Answers ?? []).OrderBy(a => a.QuestionIndex).ToList();
            var html = command.Text is null ? null : Markdown.ToSafeHtml(command.Text);
            var rows = authors.Select(authorId =>
            {
                var dueAt = DueOf(authorId);
                var daysLate = Submission.DaysLateAt(now, dueAt);
                var penalty = daysLate > 0 && assignment.LatePolicy == LatePolicy.PenaltyPerDay ? Math.Min(100, daysLate * assignment.LatePenaltyPercentPerDay!.Value) : 0;
                return new Submission
                {
                    AssignmentId = assignment.Id, CohortId = assignment.CohortId, AuthorId = authorId, GroupId = groupId, HandedInBy = authorId == me.Id ? null : me.Id,
                    Attempt = previous + 1, SubmittedAt = now, DueAt = dueAt, DaysLate = daysLate, PenaltyPercent = penalty,
                    TextMarkdown = command.Text, TextHtml = html, FileIds = fileIds, Answers = answers,
                    Score = assignment.Kind == AssignmentKind.Quiz ? Math.Round(QuizScoring.Score(assignment.Questions, answers) * (100 - penalty) / 100m, 2) : null,
                };
            }).ToList();
            db.Submissions.AddRange(rows);
            foreach (var row in rows)
            {
                db.AddIntegrationEvent(new SubmissionReceived(assignment.CohortId, assignment.Id, row.Id, row.AuthorId, row.Attempt, row.IsLate, now), now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return SubmissionResponse.From(rows.Single(r => r.AuthorId == me.Id));
        }

        /// <summary>Each kind takes its own field and only it: answers to a quiz's questions, a text, or files.</summary>
        private static void RequireTheShapeOf(Assignment assignment, Command command)
        {
            var (field, message, ok) = assignment.Kind switch
            {
                AssignmentKind.Quiz => ("Answers", "A quiz takes answers to its questions, and nothing else.",
                    command.Answers is not null && command.Answers.All(a => a.QuestionIndex < assignment.Questions.Count) && command.Text is null && command.FileIds is null),
                AssignmentKind.Text => ("Text", "A text assignment takes a text, and nothing else.", !string.IsNullOrWhiteSpace(command.Text) && command.Answers is null && command.FileIds is null),
                AssignmentKind.GroupProject => ("Text", "A group project takes a text, 1 to 10 uploaded files, or both, and no answers.",
                    (!string.IsNullOrWhiteSpace(command.Text) || command.FileIds is { Count: > 0 }) && command.Answers is null),
                _ => ("FileIds", "A file assignment takes 1 to 10 uploaded files, and nothing else.", command.FileIds is { Count: > 0 } && command.Answers is null && command.Text is null),
            };
            if (!ok)
            {
                throw Rules.Invalid(field, message);
            }
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/assignments/{assignmentId:guid}/submissions", async (Guid assignmentId, Request request, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new Command(assignmentId, request.Text, request.Answers, request.FileIds), ct);
                return TypedResults.Created($"/api/v1/submissions/{created.Id}", created);
            })
            .WithName("CreateSubmission")
            .WithSummary("Hand in an attempt at an assignment (the cohort's learners); quizzes are scored at once")
            .WithDescription("Requires `Learn` in the assignment's cohort and a published, released assignment (staff 403; hidden or unknown 404). A `Quiz` takes `answers` (`questionIndex`, `choiceIndexes` or `value`), scored at once: each question earns all its points or none (choices: exactly the correct ones; numeric: within the tolerance, `2,5` or `2.5`; short text: an accepted answer, ignoring case, accents and spacing). A `Text` takes `text` (Markdown), a `File` takes `fileIds` uploaded by the caller. Attempts are numbered; 409 `resubmission-not-allowed` after the first when the assignment takes one (unless staff returned the last attempt for revision), `attempts-exhausted` past a quiz's `maxAttempts`. Late is judged against the caller's own due date (after their pacing shift): flagged, penalised per started day, or refused with 409 `submission-too-late`. A `GroupProject` takes `text`, `fileIds` or both, handed in once for the caller's project group (409 `not-in-a-group` outside any): every learner of the group gets the attempt as their own (`groupId`, `handedInBy`), late or not against their own due date. No field sets a score.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, AssessmentProblems.SubmissionTooLate, AssessmentProblems.ResubmissionNotAllowed,
                AssessmentProblems.AttemptsExhausted, AssessmentProblems.NotInAGroup);
}
