using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Features.Courses;

public sealed record CompetencyResponse(string Code, string Title);

public sealed record CourseResponse(
    Guid Id, Guid OrganizationId, string Title, string Summary, string Language, IReadOnlyList<CompetencyResponse> Competencies,
    bool IsPublished, DateTimeOffset CreatedAt, [property: System.Text.Json.Serialization.JsonIgnore] Guid Version) : IVersioned
{
    internal static CourseResponse From(Course c) =>
        new(c.Id, c.OrganizationId, c.Title, c.Summary, c.Language, c.Competencies.OrderBy(x => x.Code).Select(x => new CompetencyResponse(x.Code, x.Title)).ToList(), c.IsPublished, c.CreatedAt, c.Version);
}
