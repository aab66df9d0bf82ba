using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>
/// What deleting a section or an activity takes away (<see cref="GetSectionDeletionImpact"/>, <see cref="GetActivityDeletionImpact"/>), for the confirmation the editor shows. Only what Courses knows; a live session that prepared
/// with an activity (Community) simply stops listing it, as <c>GetActivitySummaries</c> leaves deleted activities out.
/// </summary>
internal static class GetDeletionImpact
{
    /// <summary>Either a section (<c>SectionId</c>) or one activity (<c>ActivityId</c>) of the course.</summary>
    public sealed record Query(Guid CourseId, Guid? SectionId, Guid? ActivityId) : IQuery<Response>;

    /// <summary>What a deletion takes away.</summary>
    /// <param name="Activities">Activities deleted (1 for an activity; a section's count, possibly 0).</param>
    /// <param name="Completions">Learners' completions of those activities, in every cohort of the course, deleted with them.</param>
    /// <param name="Learners">Distinct learners (per cohort) who completed at least one of them.</param>
    public sealed record Response(int Activities, int Completions, int Learners);

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(query.CourseId, cancellationToken);
            var activities = db.Set<Activity>().AsNoTracking().Where(a => a.CourseId == query.CourseId);
            int count;
            if (query.SectionId is { } sectionId)
            {
                count = await db.Set<Section>().AsNoTracking().Where(s => s.Id == sectionId && s.CourseId == query.CourseId)
                    .Select(s => (int?)s.Activities.Count).FirstOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("This section");
                activities = activities.Where(a => a.SectionId == sectionId);
            }
            else
            {
                activities = activities.Where(a => a.Id == query.ActivityId);
                count = await activities.AnyAsync(cancellationToken) ? 1 : throw ProblemException.NotFound("This activity");
            }

            var completions = db.Completions.AsNoTracking().Where(c => activities.Any(a => a.Id == c.ActivityId));
            return new Response(
                count,
                await completions.CountAsync(cancellationToken),
                await completions.Select(c => new { c.CohortId, c.UserId }).Distinct().CountAsync(cancellationToken));
        }
    }
}
