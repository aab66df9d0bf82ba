using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.FollowUp.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: journals in the demo trainer's first cohort ("Cohorte hiver"): Chloé Moreau's notes on her two learners,
/// a call to make for Jérôme Faure, a week's extension for Anaïs Girard (applied to her due dates), and the trainer's note and
/// extra resource for Inès Mercier, and the trainer's three-week extension for Olivia Smith back from sick leave (so the
/// dashboard shows the three levels: her deadlines are not past yet). Once, however often the app starts.
/// </summary>
internal sealed class DemoJournal(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string TrainerEmail = "benoit.lefevre@demo.spoc.local";
    private const string MentorEmail = "chloe.moreau@demo.spoc.local";
    private const string AnaisEmail = "anais.girard@demo.spoc.local";
    private const string JeromeEmail = "jerome.faure@demo.spoc.local";
    private const string InesEmail = "ines.mercier@demo.spoc.local";
    private const string OliviaEmail = "olivia.smith@demo.spoc.local";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var people = (await sender.Send(new FindUsersByEmail([TrainerEmail, MentorEmail, AnaisEmail, JeromeEmail, InesEmail, OliviaEmail]), ct)).ToDictionary(u => u.Email, u => u.Id);
        if (people.Count < 6)
        {
            return;
        }

        var cohort = (await sender.Send(new GetCohortMembershipsOfUser(people[TrainerEmail]), ct)).FirstOrDefault(m => m.Role == CohortRole.Trainer);
        var db = services.GetRequiredService<FollowUpDbContext>();
        var learners = cohort is null ? [] : (await sender.Send(new GetCohortLearners(cohort.CohortId), ct))?.LearnerIds ?? [];
        if (cohort is null || !new[] { AnaisEmail, JeromeEmail, InesEmail, OliviaEmail }.All(e => learners.Contains(people[e]))
            || await db.Notes.AnyAsync(n => n.CohortId == cohort.CohortId, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        void Note(string learner, string author, int daysAgo, string body) => db.Notes.Add(new JournalNote
        {
            CohortId = cohort.CohortId, LearnerId = people[learner], AuthorId = people[author], Body = body, BodyHtml = Markdown.ToSafeHtml(body), CreatedAt = now.AddDays(-daysAgo),
        });
        FollowUpAction Action(string learner, string author, int daysAgo, FollowUpActionKind kind, string title, int dueInDays, int? days = null, string? url = null) =>
            db.Actions.Add(new FollowUpAction
            {
                CohortId = cohort.CohortId, LearnerId = people[learner], AuthorId = people[author], Kind = kind, Title = title, DueOn = today.AddDays(dueInDays),
                ExtensionDays = days, ResourceUrl = url, CreatedAt = now.AddDays(-daysAgo),
            }).Entity;

        Note(AnaisEmail, MentorEmail, 9, "Appel de suivi : Anaïs cumule **deux rendus en retard**. Elle travaille en horaires décalés ce mois-ci.\n\n- proposer un délai\n- revoir le planning ensemble");
        var extension = Action(AnaisEmail, MentorEmail, 8, FollowUpActionKind.Extension, "Une semaine de plus pour les prochains rendus", 14, days: 7);
        Note(JeromeEmail, MentorEmail, 4, "Absent aux deux dernières classes virtuelles, pas de réponse au message de lundi. À **rappeler** cette semaine.");
        Action(JeromeEmail, MentorEmail, 4, FollowUpActionKind.Call, "Appeler Jérôme pour faire le point", 2);
        Note(InesEmail, TrainerEmail, 12, "Très bon niveau sur la planification : lui proposer d'aider ses pairs sur le forum.");
        var resource = Action(InesEmail, TrainerEmail, 12, FollowUpActionKind.Resource, "Lire le guide du chemin critique", -5, url: "https://fr.wikipedia.org/wiki/M%C3%A9thode_du_chemin_critique");
        (resource.Status, resource.DoneBy, resource.DoneAt) = (FollowUpActionStatus.Done, people[TrainerEmail], now.AddDays(-6));
        Note(OliviaEmail, TrainerEmail, 3, "De retour après **trois semaines d'arrêt maladie**. Motivée ; ses rendus sont décalés d'autant.");
        var leave = Action(OliviaEmail, TrainerEmail, 3, FollowUpActionKind.Extension, "Rendus décalés après l'arrêt maladie", 21, days: 24);
        await db.SaveChangesAsync(ct);

        // The extensions applied to their due dates, as POST actions does (idempotent on the action: a restart cannot add another).
        await sender.Send(new ExtendDueDates(cohort.CohortId, people[AnaisEmail], 7, people[MentorEmail], extension.Id), ct);
        await sender.Send(new ExtendDueDates(cohort.CohortId, people[OliviaEmail], 24, people[TrainerEmail], leave.Id), ct);
    }
}
