using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.Community.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: in "Cohorte hiver", Chloé Moreau's conversations with the two learners she mentors (Anaïs Girard's
/// with an unread answer), and a few notifications in Anaïs's and Chloé's feeds, so the bell and the messaging have
/// something to show. Once: nothing is added when the cohort already has a conversation.
/// </summary>
internal sealed class DemoConversation(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    private const string Mentor = "chloe.moreau@demo.spoc.local";
    private const string Anais = "anais.girard@demo.spoc.local";
    private const string Jerome = "jerome.faure@demo.spoc.local";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var people = (await sender.Send(new FindUsersByEmail([Mentor, Anais, Jerome]), ct)).ToDictionary(u => u.Email);
        var cohort = people.TryGetValue(Mentor, out var mentor)
            ? (await sender.Send(new GetCohortMembershipsOfUser(mentor.Id), ct)).FirstOrDefault(m => m.Title == "Cohorte hiver" && m.Role == CohortRole.Mentor)
            : null;
        var db = services.GetRequiredService<CommunityDbContext>();
        if (cohort is null || people.Count < 3 || await db.Conversations.AnyAsync(c => c.CohortId == cohort.CohortId, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var (chloe, anais, jerome) = (people[Mentor], people[Anais], people[Jerome]);
        Conversation Talk(UserSummary learner, params (UserSummary Author, string Body, int HoursAgo)[] messages)
        {
            var conversation = new Conversation { CohortId = cohort.CohortId, LearnerId = learner.Id, CreatedAt = now.AddHours(-messages[0].HoursAgo), LastMessageAt = now.AddHours(-messages[^1].HoursAgo) };
            db.Conversations.Add(conversation);
            db.ConversationMessages.AddRange(messages.Select(m => new ConversationMessage
            {
                ConversationId = conversation.Id, AuthorId = m.Author.Id, Body = m.Body, BodyHtml = Markdown.ToSafeHtml(m.Body), SentAt = now.AddHours(-m.HoursAgo),
            }));
            // Each side has read up to their own last message.
            foreach (var reader in messages.GroupBy(m => m.Author.Id))
            {
                db.ConversationReaders.Add(new ConversationReader { ConversationId = conversation.Id, UserId = reader.Key, ReadUpTo = now.AddHours(-reader.Min(m => m.HoursAgo)) });
            }

            if (messages[^1].Author.Id == chloe.Id)
            {
                Notify(learner, NotificationKind.Message, $"Nouveau message de {chloe.DisplayName}", messages[^1].Body, $"/conversations/{conversation.Id}", messages[^1].HoursAgo, read: false);
            }

            return conversation;
        }

        void Notify(UserSummary to, NotificationKind kind, string title, string? summary, string link, int hoursAgo, bool read) =>
            db.Notifications.Add(new Notification
            {
                UserId = to.Id, Kind = kind, Title = title, Summary = summary, Link = link, CreatedAt = now.AddHours(-hoursAgo), ReadAt = read ? now.AddHours(-hoursAgo + 1) : null,
            });

        Notify(anais, NotificationKind.Admission, "Cohorte hiver : Vous êtes admis·e", null, "/applications", 24 * 20, read: true);
        Notify(anais, NotificationKind.GradeReleased, "Nouvelle note : 8 points", null, "/learner", 30, read: false);
        Talk(anais,
            (anais, "Bonjour Chloé, je bloque sur le **diagramme de Gantt** : faut-il y faire figurer les jalons ?", 26),
            (chloe, "Bonjour Anaïs ! Oui, ajoutez les jalons (losanges) et reliez les tâches critiques. On en parle jeudi si besoin.", 3));
        const string question = "Je serai absent à la classe virtuelle de mardi : comment rattraper ?";
        var withJerome = Talk(jerome, (jerome, question, 5));
        Notify(chloe, NotificationKind.Message, $"Nouveau message de {jerome.DisplayName}", question, $"/conversations/{withJerome.Id}", 5, read: false);
        await db.SaveChangesAsync(ct);
    }
}
