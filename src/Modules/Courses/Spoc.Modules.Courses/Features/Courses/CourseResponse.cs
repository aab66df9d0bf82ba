using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Features.Courses;

public sealed record CompetencyResponse(string Code, string Title);

/// <param name="Summary">Markdown, at most 4000 characters.</param>
/// <param name="Language">Language tag of the course, such as <c>fr</c> or <c>en-GB</c>.</param>
/// <param name="Competencies">At most 100, with unique codes; activities refer to them by code.</param>
/// <param name="IsPublished">Learners see the activities of a published course only.</param>
public sealed record CourseResponse(
    Guid Id, Guid OrganizationId, string Title, string Summary, string Language, IReadOnlyList<CompetencyResponse> Competencies,
    bool IsPublished, DateTimeOffset CreatedAt, [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    internal static CourseResponse From(Course c) =>
        new(c.Id, c.OrganizationId, c.Title, c.Summary, c.Language, c.Competencies.OrderBy(x => x.Code).Select(x => new CompetencyResponse(x.Code, x.Title)).ToList(), c.IsPublished, c.CreatedAt, c.Version);
}
