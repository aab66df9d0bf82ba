using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.Modules.Courses.Features.Activities;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>GET /courses/{courseId}/outline: sections and activities in order; staff get the content (sanitized HTML), learners the plan only.</summary>
internal static class GetCourseOutline
{
    public sealed record Query(Guid CourseId) : IQuery<Response>;

    /// <summary>A section with its activities; <c>etag</c> is what <c>If-Match</c> expects when it is renamed or moved.</summary>
    /// <param name="Position">0-based place among the course's sections.</param>
    /// <param name="Activities">In position order.</param>
    /// <param name="ETag">The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change this section.</param>
    public sealed record OutlineSection(Guid Id, string Title, int Position, IReadOnlyList<ActivityResponse> Activities,
        [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string ETag);

    /// <summary>The outline; <c>etag</c> (also the response header) is what <c>If-Match</c> expects when it is reordered as a whole.</summary>
    public sealed record Response(Guid CourseId, string Title, bool IsPublished, IReadOnlyList<OutlineSection> Sections,
        [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
    {
        /// <summary>The outline's version (every section's and activity's): send it as <c>If-Match</c> to reorder the outline.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("etag")]
        public string ETag => ETags.Of(Version);
    }

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await gate.RequireVisibleAsync(query.CourseId, cancellationToken);
            var sections = await SectionsOf(db, query.CourseId, access.IsStaff).ToListAsync(cancellationToken);
            return new Response(access.CourseId, access.Title, access.IsPublished,
                sections.Select(s => new OutlineSection(s.Id, s.Title, s.Position, s.Activities, ETags.Of(s.Version))).ToList(),
                OutlineVersion.Of(sections.Select(s => (s.Id, s.Version)).Concat(sections.SelectMany(s => s.Activities).Select(a => (a.Id, a.Version)))));
        }
    }

    private sealed record SectionRow(Guid Id, string Title, int Position, Guid Version, List<ActivityResponse> Activities);

    // The course row came with the gate; sections and their activities are one flat join (SQLite walks the course's sections by
    // index, then each one's activities), ordered as the outline shows them, projected straight into the answer: no entity
    // is built. Learners get the plan only: their cohort's schedule gives them the content once released, so it is not even read.
    // Compiled once, as every hot read (docs/performance.md).
    private static readonly Func<CoursesDbContext, Guid, bool, IAsyncEnumerable<SectionRow>> SectionsOf =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid courseId, bool staff) =>
            db.Set<Section>().AsNoTracking().Where(s => s.CourseId == courseId).OrderBy(s => s.Position)
                .Select(s => new SectionRow(s.Id, s.Title, s.Position, s.Version, s.Activities.OrderBy(a => a.Position)
                    .Select(a => new ActivityResponse(a.Id, a.SectionId, a.Kind, a.Title, staff ? a.ContentMarkdown : "", staff ? a.ContentHtml : "",
                        staff ? a.Url : null, staff ? a.FileId : null, a.Position, a.OffsetDays, a.DueOffsetDays, a.DurationMinutes, a.CompetencyCodes, a.Version))
                    .ToList())));

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/courses/{courseId:guid}/outline", async (Guid courseId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(courseId), ct)))
            .WithName("GetCourseOutline")
            .WithSummary("Sections and activities of a course in order")
            .WithDescription("Who sees the course (see `GET /courses/{courseId}`) sees its outline, sections and activities ordered by `position`. Staff get each activity's content (sanitized HTML) and each section's `etag` for `If-Match`, and the outline's own `etag` (also the `ETag` header) for reordering it as a whole; learners get the plan only, the content reaching them through their cohort's schedule once released.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
