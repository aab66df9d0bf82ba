using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.Assessment.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: one assignment of each kind (and a second text) in the demo trainer's first cohort (after Cohorts' demo
/// cohorts: the one under way), released at its first day and due over the following weeks, so the trainer finds a quiz,
/// texts, a file and a group project to look at; its learners' quiz attempts and texts, graded and released (one still a
/// draft, one handed in late), and a gradebook policy, so that a newcomer finds a filled gradebook.
/// </summary>
internal sealed class DemoAssessment(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string TrainerEmail = "benoit.lefevre@demo.spoc.local";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var trainer = (await sender.Send(new FindUsersByEmail([TrainerEmail]), ct)).SingleOrDefault();
        var cohort = trainer is null ? null : (await sender.Send(new GetCohortMembershipsOfUser(trainer.Id), ct)).FirstOrDefault(m => m.Role == CohortRole.Trainer);
        var db = services.GetRequiredService<AssessmentDbContext>();
        if (cohort is null || await db.Assignments.AnyAsync(a => a.CohortId == cohort.CohortId, ct))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
        DateTimeOffset Day(int offset)
        {
            var local = cohort.StartsOn.AddDays(offset).ToDateTime(new TimeOnly(23, 59));
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        Assignment Make(AssignmentKind kind, string title, string instructions, decimal maxPoints, string category, int dueDay) => new()
        {
            CohortId = cohort.CohortId, Kind = kind, Title = title, InstructionsMarkdown = instructions, InstructionsHtml = Markdown.ToSafeHtml(instructions),
            MaxPoints = maxPoints, Category = category, IsPublished = true, ReleaseAt = Day(-1), DueAt = Day(dueDay), AllowResubmission = true,
            LatePolicy = LatePolicy.AcceptAndFlag, CreatedAt = clock.GetUtcNow(),
        };

        var quiz = Make(AssignmentKind.Quiz, "Quiz : les bases du cadrage", "Dix minutes pour vérifier les notions de la **semaine 1**.", 10m, "Quiz", 7);
        quiz.LatePolicy = LatePolicy.Refuse;
        quiz.MaxAttempts = 2;
        quiz.Questions =
        [
            new(QuestionType.SingleChoice, "Le chemin critique est la suite de tâches…", 2m, [new("la plus longue", true), new("la plus courte", false), new("la moins chère", false)], null, null, null),
            new(QuestionType.MultipleChoice, "Lesquels sont des livrables de cadrage ?", 3m, [new("La note de cadrage", true), new("Le planning directeur", true), new("Le pot de fin de projet", false)], null, null, null),
            new(QuestionType.Numeric, "Une tâche de 5 jours commence au jour 3 : quel jour finit-elle au plus tôt ?", 2m, null, 8m, 0m, null),
            new(QuestionType.ShortText, "Quel diagramme montre les tâches sur une ligne de temps ?", 3m, null, null, null, ["Gantt", "diagramme de Gantt"]),
        ];
        var penalty = Make(AssignmentKind.File, "Planning du projet fil rouge", "Déposez votre planning (PDF ou tableur).", 20m, "Projet", 21);
        (penalty.LatePolicy, penalty.LatePenaltyPercentPerDay) = (LatePolicy.PenaltyPerDay, 10);
        var note = Make(AssignmentKind.Text, "Note de cadrage", "Rédigez **une page** : objectifs, périmètre, parties prenantes.", 20m, "Devoirs", 14);
        var risks = Make(AssignmentKind.Text, "Analyse des risques", "Listez **cinq risques** du projet fil rouge, avec leur parade.", 20m, "Devoirs", 28);
        risks.Rubric = Rubric.WithNewIds(
        [
            new(null, "Identification des risques", "Probabilité et impact de chacun.", "C1",
                [new(null, "Absente", null, 0m), new(null, "Insuffisante", null, 4m), new(null, "Satisfaisante", null, 7m), new(null, "Bonne", null, 8m), new(null, "Excellente", null, 10m)]),
            new(null, "Parades proposées", "Réalistes, chiffrées, avec un responsable.", "C3",
                [new(null, "Absentes", null, 0m), new(null, "Fragiles", null, 4.5m), new(null, "Satisfaisantes", null, 7m), new(null, "Solides", null, 8m), new(null, "Remarquables", null, 10m)]),
        ]);
        db.Assignments.AddRange(
            quiz,
            note,
            penalty,
            risks,
            Make(AssignmentKind.GroupProject, "Projet de groupe : backlog priorisé", "En groupe, construisez et priorisez le backlog du projet fil rouge.", 40m, "Projet", 35));
        db.GradebookPolicies.Add(new GradebookPolicy
        {
            CohortId = cohort.CohortId, Categories = [new("Quiz", 30m, 0), new("Devoirs", 40m, 1), new("Projet", 30m, 0)], PassMark = 50m, UpdatedAt = clock.GetUtcNow(),
        });
        var learners = (await sender.Send(new GetCohortLearners(cohort.CohortId), ct))?.LearnerIds ?? [];
        HandInAndGrade(db, trainer!.Id, quiz, note, risks, learners, Day);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Each learner takes the quiz (some answers wrong) and writes both texts, graded and released by the trainer (the second
    /// with its rubric, whose criteria evidence competencies C1 and C3); the last learner's second text is graded as a draft
    /// only, the fourth hands the first in a day late. Work due after today is left alone.
    /// </summary>
    private void HandInAndGrade(AssessmentDbContext db, Guid trainerId, Assignment quiz, Assignment note, Assignment risks, IReadOnlyList<Guid> learners, Func<int, DateTimeOffset> day)
    {
        var now = clock.GetUtcNow();
        decimal[] noteScores = [16m, 12.5m, 18m, 9m, 14m];
        int[][] riskLevels = [[2, 2], [2, 3], [4, 2], [2, 1], [3, 3]]; // 7+7, 7+8, 10+7, 7+4.5, 8+8 points of 20
        for (var l = 0; l < learners.Count; l++)
        {
            var answers = new List<QuizAnswer> { new(0, [0], null), new(1, l % 2 == 0 ? [0, 1] : [0], null), new(2, null, l % 3 == 0 ? "9" : "8"), new(3, null, l == 1 ? "PERT" : "Gantt") };
            Hand(quiz, 0, answers, null, QuizScoring.Score(quiz.Questions, answers), GradeStatus.Released, "Quiz corrigé automatiquement.");
            Hand(note, l == 3 ? 1 : 0, [], "Objectifs, périmètre et parties prenantes du projet fil rouge.", noteScores[l % noteScores.Length], GradeStatus.Released, "Note claire ; précisez les **parties prenantes**.");
            var levels = riskLevels[l % riskLevels.Length];
            var rubricScores = risks.Rubric.Select((c, i) => c.Levels[levels[i]]).Select((level, i) => new RubricScore(
                risks.Rubric[i].Id!.Value, level.Id!.Value, risks.Rubric[i].Title, level.Title, level.Points, risks.Rubric[i].MaxPoints, risks.Rubric[i].CompetencyCode, null, null)).ToList();
            Hand(risks, 0, [], "Cinq risques et leur parade.", rubricScores.Sum(r => r.Points), l == learners.Count - 1 ? GradeStatus.Draft : GradeStatus.Released,
                "Bonne analyse ; chiffrez la **probabilité**.", rubricScores);

            void Hand(Assignment assignment, int daysLate, List<QuizAnswer> quizAnswers, string? text, decimal score, GradeStatus status, string feedback, List<RubricScore>? rubric = null)
            {
                var submittedAt = assignment.DueAt.AddDays(daysLate).AddHours(-6);
                if (submittedAt > now)
                {
                    return;
                }

                var penalty = assignment.LatePolicy == LatePolicy.PenaltyPerDay ? daysLate * (assignment.LatePenaltyPercentPerDay ?? 0) : 0;
                var submission = new Submission
                {
                    AssignmentId = assignment.Id, CohortId = assignment.CohortId, AuthorId = learners[l], Attempt = 1, SubmittedAt = submittedAt, DueAt = assignment.DueAt,
                    DaysLate = Submission.DaysLateAt(submittedAt, assignment.DueAt), PenaltyPercent = penalty, TextMarkdown = text, TextHtml = text is null ? null : Markdown.ToSafeHtml(text),
                    Answers = quizAnswers, Score = assignment.Kind == AssignmentKind.Quiz ? score : null,
                };
                var grade = new Grade
                {
                    SubmissionId = submission.Id, AssignmentId = assignment.Id, CohortId = assignment.CohortId, AuthorId = learners[l], Score = score,
                    FeedbackMarkdown = feedback, FeedbackHtml = Markdown.ToSafeHtml(feedback), Status = status, RubricScores = rubric ?? [], GradedBy = trainerId, GradedAt = submittedAt.AddDays(2),
                };
                db.Submissions.Add(submission);
                db.Grades.Add(grade);
                db.GradeChanges.Add(new GradeChange { SubmissionId = submission.Id, ChangedBy = trainerId, ChangedAt = grade.GradedAt, After = grade.Snapshot() });
            }
        }
    }
}
