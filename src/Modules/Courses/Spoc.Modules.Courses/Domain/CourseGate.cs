using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Domain;

/// <summary>The course as its gate read it (<c>Title</c>, <c>IsPublished</c>: so that a handler need not read the row again).</summary>
internal sealed record CourseAccess(Guid CourseId, Guid OrganizationId, bool IsStaff, string Title, bool IsPublished);

/// <summary>
/// A course is authored by its organisation's admins and trainers (its staff); the organisation's other members see
/// it once published. Anyone else, or a member before publication, finds nothing (404).
/// </summary>
internal sealed class CourseGate(CoursesDbContext db, ISender sender, ICurrentUser me)
{
    public async Task<CourseAccess> RequireVisibleAsync(Guid courseId, CancellationToken ct)
    {
        var course = await CourseOf(db, courseId, ct) ?? throw ProblemException.NotFound("This course");
        var role = await sender.Send(new GetOrganizationRole(course.OrganizationId, me.Id), ct);
        var isStaff = role is OrganizationRole.OrgAdmin or OrganizationRole.Trainer;
        return role is not null && (isStaff || course.IsPublished)
            ? new CourseAccess(courseId, course.OrganizationId, isStaff, course.Title, course.IsPublished)
            : throw ProblemException.NotFound("This course");
    }

    /// <summary>Every course request runs it: compiled once, as every hot read (docs/performance.md).</summary>
    private static readonly Func<CoursesDbContext, Guid, CancellationToken, Task<CourseRow?>> CourseOf =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid courseId, CancellationToken ct) =>
            db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => new CourseRow(c.OrganizationId, c.IsPublished, c.Title)).FirstOrDefault());

    private sealed record CourseRow(Guid OrganizationId, bool IsPublished, string Title);

    public async Task<CourseAccess> RequireStaffAsync(Guid courseId, CancellationToken ct)
    {
        var access = await RequireVisibleAsync(courseId, ct);
        return access.IsStaff ? access : throw ProblemException.Forbidden("Only the organisation's admins and trainers edit courses.");
    }
}
