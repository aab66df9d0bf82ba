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
/// <c>Seed:Demo</c>: one assignment of each kind (and two more texts) in the demo trainer's first cohort (after Cohorts' demo
/// cohorts: the one under way), released at its first day and due over the following weeks, so the trainer finds a quiz,
/// texts, a file and a group project to look at; its learners' quiz attempts and texts, graded and released (one still a
/// draft, one handed in late), and a gradebook policy, so that a newcomer finds a filled gradebook; and this week's
/// retrospective handed in by three learners, waiting to be graded. In the partner company's cohort (Sarah Johnson's), a
/// framing note handed in by four employees of five, to grade, and the next text to write.
/// </summary>
internal sealed class DemoAssessment(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string TrainerEmail = "benoit.lefevre@demo.spoc.local";
    private const string PartnerTrainerEmail = "sarah.johnson@demo.spoc.local";
    private static readonly string[] EarlyRetrospectives = ["ines.mercier@demo.spoc.local", "james.oconnor@demo.spoc.local", "anais.girard@demo.spoc.local"];

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var db = services.GetRequiredService<AssessmentDbContext>();
        var trainers = (await sender.Send(new FindUsersByEmail([TrainerEmail, PartnerTrainerEmail]), ct)).ToDictionary(u => u.Email, u => u.Id);
        async Task<CohortMembership?> FirstCohortAsync(string email) => trainers.TryGetValue(email, out var id)
            ? (await sender.Send(new GetCohortMembershipsOfUser(id), ct)).FirstOrDefault(m => m.Role == CohortRole.Trainer)
            : null;

        if (await FirstCohortAsync(TrainerEmail) is { } running && !await db.Assignments.AnyAsync(a => a.CohortId == running.CohortId, ct))
        {
            await SeedRunningCohortAsync(db, sender, trainers[TrainerEmail], running, ct);
        }

        if (await FirstCohortAsync(PartnerTrainerEmail) is { } partner && !await db.Assignments.AnyAsync(a => a.CohortId == partner.CohortId, ct))
        {
            await SeedPartnerCohortAsync(db, sender, partner, ct);
        }
    }

    /// <summary>Day N of the cohort (counted from its start) at 23:59, in its time zone.</summary>
    private static Func<int, DateTimeOffset> Days(CohortMembership cohort)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
        return offset =>
        {
            var local = cohort.StartsOn.AddDays(offset).ToDateTime(new TimeOnly(23, 59));
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        };
    }

    private Assignment NewAssignment(CohortMembership cohort, AssignmentKind kind, string title, string instructions, decimal maxPoints, string category, int releaseDay, int dueDay) => new()
    {
        CohortId = cohort.CohortId, Kind = kind, Title = title, InstructionsMarkdown = instructions, InstructionsHtml = Markdown.ToSafeHtml(instructions),
        MaxPoints = maxPoints, Category = category, IsPublished = true, ReleaseAt = Days(cohort)(releaseDay), DueAt = Days(cohort)(dueDay), AllowResubmission = true,
        LatePolicy = LatePolicy.AcceptAndFlag, CreatedAt = clock.GetUtcNow(),
    };

    private async Task SeedRunningCohortAsync(AssessmentDbContext db, ISender sender, Guid trainerId, CohortMembership cohort, CancellationToken ct)
    {
        var day = Days(cohort);
        Assignment Make(AssignmentKind kind, string title, string instructions, decimal maxPoints, string category, int dueDay) =>
            NewAssignment(cohort, kind, title, instructions, maxPoints, category, -1, dueDay);

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
        var retrospective = NewAssignment(cohort, AssignmentKind.Text, "Rétrospective de sprint", "Racontez la rétrospective de votre dernier sprint : **ce qui a marché**, ce qui a coincé, l'action retenue.", 20m, "Devoirs", 35, 44);
        db.Assignments.AddRange(
            quiz,
            note,
            penalty,
            risks,
            Make(AssignmentKind.GroupProject, "Projet de groupe : backlog priorisé", "En groupe, construisez et priorisez le backlog du projet fil rouge.", 40m, "Projet", 35),
            retrospective);
        db.GradebookPolicies.Add(new GradebookPolicy
        {
            CohortId = cohort.CohortId, Categories = [new("Quiz", 30m, 0), new("Devoirs", 40m, 1), new("Projet", 30m, 0)], PassMark = 50m, UpdatedAt = clock.GetUtcNow(),
        });
        var learners = (await sender.Send(new GetCohortLearners(cohort.CohortId), ct))?.LearnerIds ?? [];
        HandInAndGrade(db, trainerId, quiz, note, risks, learners, day);
        // This week's retrospective, due in two days: Inès, James and Anaïs (one of the mentor's) handed it in early, nobody graded it yet.
        var early = (await sender.Send(new FindUsersByEmail(EarlyRetrospectives), ct)).Select(u => u.Id).Where(learners.Contains);
        HandIn(db, retrospective, early, "Ce qui a marché : la mêlée quotidienne tenue en 15 minutes. Ce qui a coincé : les estimations. Action : un planning poker par sprint.");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The partner company's cohort, two weeks in: a framing note due last week, handed in by all but the last employee, to grade; the next text due in two weeks.</summary>
    private async Task SeedPartnerCohortAsync(AssessmentDbContext db, ISender sender, CohortMembership cohort, CancellationToken ct)
    {
        var note = NewAssignment(cohort, AssignmentKind.Text, "Note de cadrage de votre projet", "Rédigez **une page** : objectifs, périmètre, parties prenantes de votre projet chez Horizon.", 20m, "Devoirs", 0, 11);
        db.Assignments.AddRange(
            note,
            NewAssignment(cohort, AssignmentKind.Text, "Backlog de votre projet", "Rédigez **cinq user stories** avec leurs critères d'acceptation et classez-les en MoSCoW.", 20m, "Devoirs", 7, 27));
        var learners = (await sender.Send(new GetCohortLearners(cohort.CohortId), ct))?.LearnerIds ?? [];
        HandIn(db, note, learners.Take(learners.Count - 1), "Objectif : réduire de moitié le délai de traitement des commandes. Hors périmètre : la refonte du site. Parties prenantes : service client, logistique, DSI.");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Work handed in as CreateSubmission records it (with the event FollowUp follows), the day before it is due or in the last hours, not graded yet.</summary>
    private void HandIn(AssessmentDbContext db, Assignment assignment, IEnumerable<Guid> authors, string text)
    {
        var now = clock.GetUtcNow();
        foreach (var (author, i) in authors.Select((a, i) => (a, i)))
        {
            var submittedAt = assignment.DueAt.AddDays(-1).AddHours(-2 - (3 * i));
            submittedAt = submittedAt < now ? submittedAt : now.AddHours(-1 - (5 * i));
            var submission = new Submission
            {
                AssignmentId = assignment.Id, CohortId = assignment.CohortId, AuthorId = author, Attempt = 1, SubmittedAt = submittedAt, DueAt = assignment.DueAt,
                DaysLate = Submission.DaysLateAt(submittedAt, assignment.DueAt), TextMarkdown = text, TextHtml = Markdown.ToSafeHtml(text),
            };
            db.Submissions.Add(submission);
            db.AddIntegrationEvent(new SubmissionReceived(submission.CohortId, assignment.Id, submission.Id, author, 1, submission.IsLate, submittedAt), submittedAt);
        }
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
