using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Features.Sections;

/// <summary>A section; <c>etag</c> (also the response header) is what <c>If-Match</c> expects when it is edited from the outline.</summary>
public sealed record SectionResponse(Guid Id, string Title, int Position, [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    /// <summary>The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change this section.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    internal static SectionResponse From(Section s) => new(s.Id, s.Title, s.Position, s.Version);
}
