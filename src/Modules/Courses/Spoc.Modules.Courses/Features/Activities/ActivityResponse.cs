using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Features.Activities;

/// <summary>An activity; <see cref="ETag"/> (also the response header) is what <c>If-Match</c> expects when it is edited from the outline.</summary>
public sealed record ActivityResponse(
    Guid Id, Guid SectionId, ActivityKind Kind, string Title, string ContentMarkdown, string ContentHtml, string? Url, Guid? FileId,
    int Position, int OffsetDays, int? DueOffsetDays, int DurationMinutes, IReadOnlyList<string> CompetencyCodes,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    internal static ActivityResponse From(Activity a) =>
        new(a.Id, a.SectionId, a.Kind, a.Title, a.ContentMarkdown, a.ContentHtml, a.Url, a.FileId, a.Position, a.OffsetDays, a.DueOffsetDays, a.DurationMinutes, a.CompetencyCodes, a.Version);
}
