using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.Courses.Seeding;

/// <summary>
/// <c>Seed:Demo</c>: the demo trainer's course in the demo organisation (after Platform's demo people), published: eight weekly
/// sections of a flipped classroom (lessons, links, a video, preparations for the live sessions), each activity released at its
/// week's start and due at its end, tied to competencies C1–C3. The upcoming virtual class asks for week 7's two
/// preparations (Community's demo).
/// </summary>
internal sealed class DemoCourse(IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    public const string TrainerEmail = "benoit.lefevre@demo.spoc.local";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        var sender = services.GetRequiredService<ISender>();
        var trainer = (await sender.Send(new FindUsersByEmail([TrainerEmail]), ct)).SingleOrDefault();
        var organization = trainer is null ? null : (await sender.Send(new GetUserOrganizations(trainer.Id), ct)).Memberships.FirstOrDefault();
        var db = services.GetRequiredService<CoursesDbContext>();
        if (trainer is null || organization is null || await db.Courses.AnyAsync(c => c.OrganizationId == organization.OrganizationId, ct))
        {
            return;
        }

        var course = new Course
        {
            OrganizationId = organization.OrganizationId,
            Title = "Conduite de projet agile",
            Summary = "Huit semaines pour cadrer, planifier et piloter un projet en équipe agile. Un SPOC en classe inversée : "
                + "préparer en autonomie, approfondir en session, être suivi par un mentor, appliquer sur votre projet fil rouge.",
            Language = "fr",
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = trainer.Id,
        };
        course.Competencies.AddRange(
        [
            new Competency { CourseId = course.Id, Code = "C1", Title = "Cadrer un projet" },
            new Competency { CourseId = course.Id, Code = "C2", Title = "Animer une équipe agile" },
            new Competency { CourseId = course.Id, Code = "C3", Title = "Piloter par la valeur" },
        ]);
        course.Sections.AddRange(Weeks.Select((week, w) =>
        {
            var section = new Section { CourseId = course.Id, Title = week.Title, Position = w };
            section.Activities.AddRange(week.Activities.Select((a, i) => new Activity
            {
                CourseId = course.Id, SectionId = section.Id, Kind = a.Kind, Title = a.Title, ContentMarkdown = a.Markdown, ContentHtml = Markdown.ToSafeHtml(a.Markdown),
                Url = a.Url, Position = i, OffsetDays = 7 * w,
                // Links to read are optional; everything else is due on the week's last day.
                DueOffsetDays = a.Kind == ActivityKind.Resource ? null : (7 * w) + 6,
                DurationMinutes = a.Minutes, CompetencyCodes = [.. a.Competencies],
            }));
            return section;
        }));
        course.IsPublished = true;
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
    }

    private sealed record DemoActivity(ActivityKind Kind, string Title, string Markdown, int Minutes, string[] Competencies, string? Url = null);

    private static DemoActivity Lesson(string title, string markdown, int minutes, params string[] competencies) => new(ActivityKind.Lesson, title, markdown, minutes, competencies);

    private static DemoActivity Prepare(string title, string markdown, int minutes, params string[] competencies) => new(ActivityKind.Preparation, title, markdown, minutes, competencies);

    private static DemoActivity Link(string title, string url, string markdown, int minutes, params string[] competencies) => new(ActivityKind.Resource, title, markdown, minutes, competencies, url);

    private static readonly (string Title, DemoActivity[] Activities)[] Weeks =
    [
        ("Semaine 1 : pourquoi l'agilité ?",
        [
            Lesson("Du cycle en V à l'agilité", """
                Un projet classique (**cycle en V**) fige le besoin au départ, puis conçoit, réalise et teste. Quand le besoin change en
                route, tout le plan est à refaire.

                L'agilité inverse la logique : on livre **tôt et souvent** de petits incréments utiles, on recueille les retours, on ajuste.

                - le périmètre devient la variable, le délai et l'équipe sont fixés ;
                - le client voit le produit avancer toutes les deux ou trois semaines ;
                - l'équipe s'organise elle-même pour atteindre l'objectif.
                """, 20, "C2"),
            Link("Le Manifeste agile (texte officiel en français)", "https://agilemanifesto.org/iso/fr/manifesto.html",
                "Les **quatre valeurs** et les douze principes, en une page. Lequel vous semble le plus difficile à appliquer dans votre organisation ?", 10, "C2"),
            Prepare("Préparer : votre projet fil rouge en cinq lignes", """
                Avant la première classe virtuelle, décrivez le projet sur lequel vous travaillerez pendant huit semaines :

                1. le problème à résoudre ;
                2. pour qui ;
                3. ce qui serait un succès dans trois mois.
                """, 20, "C1"),
        ]),
        ("Semaine 2 : cadrer le projet",
        [
            Lesson("La note de cadrage", """
                La note de cadrage tient sur **une page** et répond à cinq questions : *pourquoi* (objectifs), *quoi* (périmètre et hors
                périmètre), *pour qui* (parties prenantes), *avec quoi* (moyens) et *quand* (jalons).

                > Un bon cadrage dit aussi ce que le projet **ne fera pas**.
                """, 25, "C1"),
            Link("Gestion de projet : les notions de base", "https://fr.wikipedia.org/wiki/Gestion_de_projet", "Pour revoir le vocabulaire : livrable, jalon, maîtrise d'ouvrage, maîtrise d'œuvre.", 15, "C1"),
            Prepare("Préparer : la carte des parties prenantes", "Listez les personnes concernées par votre projet et placez-les sur une grille **influence × intérêt**. Apportez-la en session.", 30, "C1"),
        ]),
        ("Semaine 3 : Scrum, rôles et événements",
        [
            Lesson("Scrum en une page", """
                **Trois rôles** : le Product Owner porte la valeur, les développeurs construisent, le Scrum Master facilite.

                **Cinq événements** : le sprint (2 à 4 semaines), sa planification, la mêlée quotidienne (15 minutes), la revue et la rétrospective.

                **Trois artefacts** : le backlog produit, le backlog de sprint et l'incrément.
                """, 25, "C2"),
            Link("Le Guide Scrum", "https://scrumguides.org/", "La référence, courte (une quinzaine de pages) et disponible en français.", 30, "C2"),
            Prepare("Préparer : observer une réunion d'équipe", "Assistez à une réunion de votre équipe et notez : durée, qui parle, décisions prises. Qu'en ferait une mêlée quotidienne ?", 20, "C2"),
        ]),
        ("Semaine 4 : estimer et planifier",
        [
            Lesson("Estimer en points d'effort", """
                Plutôt que des jours, l'équipe estime des **points d'effort** relatifs (suite de Fibonacci : 1, 2, 3, 5, 8, 13).
                Le *planning poker* fait voter chacun en même temps : les écarts ouvrent la discussion.

                Pour une tâche incertaine, l'estimation à trois points donne `(O + 4P + M) / 6`.
                """, 25, "C1"),
            Lesson("Chemin critique et diagramme de Gantt", """
                Le **chemin critique** est la plus longue suite de tâches dépendantes : tout retard sur l'une d'elles retarde le projet.
                Le **diagramme de Gantt** montre les tâches sur une ligne de temps, avec leurs dépendances et les jalons (losanges).
                """, 20, "C1"),
            Prepare("Préparer : estimer trois tâches de votre projet", "Choisissez trois tâches de votre projet fil rouge et estimez-les à trois points. Nous comparerons en session.", 20, "C1"),
        ]),
        ("Semaine 5 : le backlog et la valeur",
        [
            new(ActivityKind.Video, "Vidéo : Agile Product Ownership in a Nutshell", """
                Henrik Kniberg explique en 15 minutes le rôle du Product Owner, le backlog et l'arbitrage **valeur / effort** (en anglais, sous-titres disponibles).
                """, 15, ["C3"], "https://www.youtube.com/watch?v=502ILHjX9EE"),
            Lesson("Écrire et prioriser les user stories", """
                Une user story s'écrit : *En tant que* utilisateur, *je veux* une action, *afin de* un bénéfice.
                Elle est prête quand elle a des **critères d'acceptation**.

                Pour prioriser : la méthode **MoSCoW** (Must, Should, Could, Won't) ou le rapport valeur / effort.
                """, 25, "C3"),
            Prepare("Préparer : cinq user stories", "Rédigez cinq user stories de votre projet fil rouge, avec leurs critères d'acceptation, et classez-les en MoSCoW.", 30, "C3"),
        ]),
        ("Semaine 6 : Kanban et flux",
        [
            Lesson("Kanban : visualiser et limiter", """
                Kanban rend le travail **visible** (colonnes *À faire*, *En cours*, *Fait*) et **limite le travail en cours** : on finit avant de commencer.
                Le temps de traversée d'une carte mesure le flux.
                """, 20, "C2", "C3"),
            Link("Kanban (développement)", "https://fr.wikipedia.org/wiki/Kanban_(d%C3%A9veloppement)", "Origines chez Toyota et adaptation au travail intellectuel.", 10, "C2"),
            Prepare("Préparer : le tableau Kanban de votre équipe", "Dessinez le tableau de votre équipe aujourd'hui et proposez une limite de travail en cours pour la colonne la plus chargée.", 25, "C2"),
        ]),
        ("Semaine 7 : piloter par les indicateurs",
        [
            Prepare("Lire : vélocité, burndown et burnup", """
                Lisez la fiche **avant la classe virtuelle** : nous partirons de vos questions.

                - la **vélocité** : points terminés par sprint, pour prévoir, jamais pour comparer les équipes ;
                - le **burndown** : le reste à faire qui descend jusqu'à la fin du sprint ;
                - le **burnup** : le fait qui monte vers un périmètre qui peut bouger.
                """, 20, "C3"),
            Prepare("Préparer : le burndown de votre projet", "Tracez le burndown de votre projet fil rouge sur les trois dernières semaines (un tableur suffit) et apportez-le.", 30, "C3"),
            Lesson("Construire le planning de la release", "À partir de la vélocité observée et du backlog priorisé, on projette **ce qui sera livré à quelle date**, avec une fourchette.", 25, "C1", "C3"),
        ]),
        ("Semaine 8 : rétrospective et bilan",
        [
            Lesson("Animer une rétrospective", """
                Une rétrospective se déroule en cinq temps : installer le climat, recueillir les faits, comprendre, décider **une ou deux actions**, clore.
                Le format *Start / Stop / Continue* convient bien à une première fois.
                """, 20, "C2"),
            Prepare("Préparer : votre bilan personnel", "Ce que vous avez appris, ce que vous appliquerez lundi, ce qui reste difficile : une demi-page pour la dernière session.", 30, "C2"),
        ]),
    ];
}
