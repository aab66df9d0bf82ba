using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Features.Forums;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: in the demo trainer's first cohort ("Cohorte hiver"), a pinned welcome announcement, two discussions
/// with replies (one answered by the trainer, with a mention) and a thread in the first project group's space, written
/// as the API writes them (rendered Markdown, numbered posts, the events that notify), so a newcomer finds a living forum.
/// </summary>
internal sealed class DemoForums(IConfiguration configuration, TimeProvider clock) : IStartupTask
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
        var db = services.GetRequiredService<CommunityDbContext>();
        if (cohort is null || await db.ForumThreads.AnyAsync(t => t.CohortId == cohort.CohortId, ct))
        {
            return;
        }

        var people = await sender.Send(new GetCohortPeople(cohort.CohortId), ct);
        var learners = people.Members.Where(m => m.Role == CohortRole.Learner).ToList();
        var mentor = people.Members.FirstOrDefault(m => m.Role == CohortRole.Mentor)?.UserId ?? trainer!.Id;
        var group = learners.Where(m => m.GroupId is not null).GroupBy(m => m.GroupId!.Value).FirstOrDefault(g => g.Count() >= 2);
        if (learners.Count < 2)
        {
            return;
        }

        var names = await sender.NamesAsync(learners.Select(l => l.UserId), ct);
        var start = clock.GetUtcNow().AddDays(-3);
        var minutes = 0;

        async Task<ForumThread> ThreadAsync(Guid authorId, string title, string body, Guid? groupId = null, bool announcement = false)
        {
            var at = start.AddMinutes(minutes += 47);
            var thread = new ForumThread
            {
                CohortId = cohort.CohortId, GroupId = groupId, Title = title, AuthorId = authorId, CreatedAt = at, LastPostAt = at, PostCount = 0,
                IsAnnouncement = announcement, IsPinned = announcement,
            };
            db.ForumThreads.Add(thread);
            await PostAsync(thread, authorId, body);
            return thread;
        }

        async Task<ForumPost> PostAsync(ForumThread thread, Guid authorId, string body, ForumPost? replyTo = null)
        {
            var at = start.AddMinutes(minutes += 47);
            thread.PostCount++;
            thread.LastPostAt = at;
            var rendered = await sender.RenderAsync(cohort.CohortId, thread.GroupId, [], authorId, body, ct);
            return db.Publish(thread, (authorId, authorId == trainer!.Id || authorId == mentor), thread.PostCount, body, rendered, [], replyTo, at);
        }

        var (first, second) = (learners[0].UserId, learners[1].UserId);
        var welcome = await ThreadAsync(trainer!.Id, "Bienvenue dans la cohorte hiver",
            "Bonjour à toutes et à tous !\n\nCe forum est le vôtre : posez vos questions sur le cours, partagez vos ressources, entraidez-vous. "
            + "Les questions personnelles passent par votre **mentor**.\n\nBon démarrage,\nBenoît", announcement: true);
        db.AddIntegrationEvent(new AnnouncementPublished(cohort.CohortId, welcome.Id, welcome.Title, trainer.Id, learners.Select(l => l.UserId).ToList(), welcome.CreatedAt), welcome.CreatedAt);

        var estimate = await ThreadAsync(first, "Comment estimer la durée d'une tâche ?",
            "Pour le planning du projet fil rouge, je ne sais pas comment estimer les durées : faut-il partir de l'expérience ou d'une méthode ?");
        var peer = await PostAsync(estimate, second, "Je me pose la même question ! J'ai lu qu'on pouvait faire une estimation à **trois points**.");
        var answer = await PostAsync(estimate, trainer.Id,
            $"Bonne piste @{names.GetValueOrDefault(second)} : l'estimation à trois points (optimiste, probable, pessimiste) donne `(O + 4P + M) / 6`. "
            + $"@{names.GetValueOrDefault(first)}, appuyez-vous sur la fiche de la semaine 2.", peer);
        (estimate.AnswerPostId, estimate.AnsweredByStaff) = (answer.Id, true);

        var resources = await ThreadAsync(second, "Partage : modèles de planning",
            "Voici les modèles que j'utilise :\n\n- un Gantt sous tableur\n- un rétroplanning sur une page\n\nVous en avez d'autres ?");
        await PostAsync(resources, mentor, "Merci pour le partage ! Pensez aussi au **diagramme de PERT** pour repérer le chemin critique.");

        if (group is not null)
        {
            var members = group.Select(m => m.UserId).ToList();
            var space = await ThreadAsync(members[0], "Répartition du projet de groupe",
                "Je propose : je prends la note de cadrage, tu prends le planning ? On fait le point jeudi.", group.Key);
            await PostAsync(space, members[1], "Ça me va ! Je commence le planning ce soir.");
        }

        await db.SaveChangesAsync(ct);
    }
}
