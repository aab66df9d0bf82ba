using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>
/// POST /courses/{courseId}/duplicate: course staff copy a course into a new draft of the same organisation, with its
/// competencies, sections and activities; attached files are shared, not copied (docs/adr/0042).
/// </summary>
internal static class DuplicateCourse
{
    public sealed record Command(Guid CourseId) : ICommand<CourseResponse>;

    internal sealed class Handler(CoursesDbContext db, CourseGate gate, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, CourseResponse>
    {
        public async ValueTask<CourseResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(command.CourseId, cancellationToken);
            var source = await db.Courses.AsNoTracking().Include(c => c.Competencies).FirstAsync(c => c.Id == command.CourseId, cancellationToken);
            var sections = await db.Set<Section>().AsNoTracking().Where(s => s.CourseId == command.CourseId).Include(s => s.Activities).ToListAsync(cancellationToken);

            var copy = new Course
            {
                OrganizationId = source.OrganizationId,
                Title = CopyTitle(source.Title, source.Language),
                Summary = source.Summary,
                Language = source.Language,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = me.Id,
            };
            copy.Competencies.AddRange(source.Competencies.Select(c => new Competency { CourseId = copy.Id, Code = c.Code, Title = c.Title }));
            copy.Sections.AddRange(sections.Select(s =>
            {
                var section = new Section { CourseId = copy.Id, Title = s.Title, Position = s.Position };
                section.Activities.AddRange(s.Activities.Select(a => new Activity
                {
                    CourseId = copy.Id,
                    SectionId = section.Id,
                    Kind = a.Kind,
                    Title = a.Title,
                    ContentMarkdown = a.ContentMarkdown,
                    ContentHtml = a.ContentHtml,
                    Url = a.Url,
                    FileId = a.FileId,
                    Position = a.Position,
                    OffsetDays = a.OffsetDays,
                    DueOffsetDays = a.DueOffsetDays,
                    DurationMinutes = a.DurationMinutes,
                    CompetencyCodes = [.. a.CompetencyCodes],
                }));
                return section;
            }));

            // Three reads whatever the course's size, then one save (one transaction): EF batches its inserts on SQL Server.
            db.Courses.Add(copy);
            await db.SaveChangesAsync(cancellationToken);
            return CourseResponse.From(copy);
        }
    }

    /// <summary>"Gestion de projet (copie)" in the course's own language, within the 200 characters of a title.</summary>
    internal static string CopyTitle(string title, string language)
    {
        var suffix = language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? " (copie)" : " (copy)";
        return title[..Math.Min(title.Length, 200 - suffix.Length)] + suffix;
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/courses/{courseId:guid}/duplicate", async (Guid courseId, ISender sender, CancellationToken ct) =>
            {
                var course = await sender.Send(new Command(courseId), ct);
                return TypedResults.Created($"/api/v1/courses/{course.Id}", course);
            })
            .WithName("DuplicateCourse")
            .WithSummary("Copy a course into a new draft (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Creates an unpublished course in the same organisation titled \"… (copie)\" (\"… (copy)\" for a course not in French), with the same summary, language, competencies, sections and activities in the same order; attached files are shared with the original, not copied. Cohorts, completions and pacing stay with the original. Answers 201 with the new course and its `Location`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
