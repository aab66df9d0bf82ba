using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>What the skills matrix and its export share: staff's access, the course's competencies and the current learners' rows.</summary>
internal sealed record CohortSkillsData(CohortAccessInfo Access, decimal Threshold, IReadOnlyList<CourseCompetency> Competencies, CohortRoster Roster, ILookup<Guid, SkillAcquisition> Rows)
{
    public SkillCell Cell(Guid learnerId, string code) =>
        SkillCell.Of(code, Rows[learnerId].FirstOrDefault(r => string.Equals(r.CompetencyCode, code, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Staff only (403 for mentors and learners, 404 outside). A constant number of queries whatever the cohort's size.</summary>
    public static async Task<CohortSkillsData> LoadAsync(FollowUpDbContext db, ISender sender, ICurrentUser me, Guid cohortId, DateTimeOffset now, CancellationToken ct)
    {
        var access = await sender.FollowUpStaffAsync(cohortId, me.Id, ct);
        await SkillsProjection.FillIfMissingAsync(db, sender, cohortId, null, now, ct);
        var roster = await sender.Send(new GetCohortLearners(cohortId), ct) ?? new CohortRoster(cohortId, access.CourseId, access.TimeZone, []);
        var competencies = await sender.Send(new GetCourseCompetencies(access.CourseId), ct);
        // No learner's mastery: the rows hold it; only the threshold.
        var threshold = (await sender.Send(new GetCohortMastery(cohortId, Guid.Empty), ct)).Threshold;
        var learners = roster.LearnerIds.ToList();
        var rows = await db.Skills.AsNoTracking().Where(s => s.CohortId == cohortId && learners.Contains(s.LearnerId)).ToListAsync(ct);
        return new CohortSkillsData(access, threshold, competencies, roster, rows.ToLookup(r => r.LearnerId));
    }
}
