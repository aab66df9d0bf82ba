namespace Spoc.Modules.Courses.Contracts;

/// <summary>The kinds of activity a course section holds (API.md, Courses).</summary>
public enum ActivityKind
{
    Lesson,
    Resource,
    Video,
    Preparation,
}
