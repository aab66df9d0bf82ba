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
/// <c>Seed:Demo</c>: one assignment of each kind in the demo trainer's cohort (after Cohorts' demo cohort), released at its
/// first day and due over the following weeks, so the trainer finds a quiz, a text, a file and a group project to look at.
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
        db.Assignments.AddRange(
            quiz,
            Make(AssignmentKind.Text, "Note de cadrage", "Rédigez **une page** : objectifs, périmètre, parties prenantes.", 20m, "Devoirs", 14),
            penalty,
            Make(AssignmentKind.GroupProject, "Projet de groupe : backlog priorisé", "En groupe, construisez et priorisez le backlog du projet fil rouge.", 40m, "Projet", 35));
        await db.SaveChangesAsync(ct);
    }
}
