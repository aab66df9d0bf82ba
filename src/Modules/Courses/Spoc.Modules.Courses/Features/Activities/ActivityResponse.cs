using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Features.Activities;

/// <summary>An activity; <c>etag</c> (also the response header) is what <c>If-Match</c> expects when it is edited from the outline.</summary>
/// <param name="ContentMarkdown">The Markdown as written.</param>
/// <param name="ContentHtml">The Markdown rendered and sanitised: safe to insert in a page.</param>
/// <param name="Url">Absolute http(s) link, for videos and resources.</param>
/// <param name="FileId">The attached file, downloaded through the cohort's activity file route.</param>
/// <param name="Position">0-based place in its section.</param>
/// <param name="OffsetDays">Release day, counted from a cohort's <c>startsOn</c>.</param>
/// <param name="DueOffsetDays">Due day, counted from a cohort's <c>startsOn</c>; null: no due date.</param>
/// <param name="DurationMinutes">Expected effort in minutes.</param>
/// <param name="CompetencyCodes">Codes of the course's competencies the activity works on.</param>
public sealed record ActivityResponse(
    Guid Id, Guid SectionId, ActivityKind Kind, string Title, string ContentMarkdown, string ContentHtml, string? Url, Guid? FileId,
    int Position, int OffsetDays, int? DueOffsetDays, int DurationMinutes, IReadOnlyList<string> CompetencyCodes,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    /// <summary>The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change this activity.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    internal static ActivityResponse From(Activity a) =>
        new(a.Id, a.SectionId, a.Kind, a.Title, a.ContentMarkdown, a.ContentHtml, a.Url, a.FileId, a.Position, a.OffsetDays, a.DueOffsetDays, a.DurationMinutes, a.CompetencyCodes, a.Version);
}
