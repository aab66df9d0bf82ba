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

/// <summary><c>Seed:Demo</c>: the demo trainer's course in the demo organisation (after Platform's demo people), published, with a first week of preparation.</summary>
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
            Summary = "Un SPOC en classe inversée : préparer en autonomie, approfondir en session, être suivi par un mentor.",
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
        // The flipped classroom's first week: two preparation activities, which the demo's upcoming virtual class asks for.
        var week = new Section { CourseId = course.Id, Title = "Semaine 1 : préparer la classe inversée", Position = 0 };
        week.Activities.AddRange(
        [
            Preparation(course.Id, week.Id, 0, "Lire : le cycle de vie d'un projet agile", "Lisez la fiche **avant la classe virtuelle** : nous partirons de vos questions."),
            Preparation(course.Id, week.Id, 1, "Vidéo : estimer en points d'effort", "Regardez la vidéo (12 minutes) et notez une estimation de votre projet fil rouge."),
        ]);
        course.Sections.Add(week);
        course.IsPublished = true;
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
    }

    private static Activity Preparation(Guid courseId, Guid sectionId, int position, string title, string markdown) => new()
    {
        CourseId = courseId, SectionId = sectionId, Kind = ActivityKind.Preparation, Title = title, ContentMarkdown = markdown,
        ContentHtml = Markdown.ToSafeHtml(markdown), Position = position, OffsetDays = 0, DurationMinutes = 15,
    };
}
