using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>
/// Keeps <see cref="SkillAcquisition"/> rows up to date: each refresh recomputes them from what Assessment (latest mastery)
/// and Courses (activities done per competency) answer now, never adds to what is stored, so redelivered or reordered
/// events give the same rows. <c>AcquiredAt</c> is the hand-in time of the work that first brought the mastery to the
/// cohort's threshold (Assessment reads it from every released grade, so the order of the events does not matter), and
/// once set it is kept, even if the threshold is raised later.
/// </summary>
internal static class SkillsProjection
{
    /// <summary>
    /// Refreshes the rows of the cohort's current learners (or of one of them) and tracks the changes; the caller saves.
    /// A constant number of queries whatever the cohort's size: roster, competencies, activities and completions, mastery, rows.
    /// </summary>
    public static async Task RefreshAsync(FollowUpDbContext db, ISender sender, Guid cohortId, Guid? learnerId, DateTimeOffset now, CancellationToken ct)
    {
        var roster = await sender.Send(new GetCohortLearners(cohortId, learnerId), ct);
        var learners = roster?.LearnerIds ?? [];
        if (learners.Count == 0)
        {
            return;
        }

        var competencies = await sender.Send(new GetCourseCompetencies(roster!.CourseId), ct);
        if (competencies.Count == 0)
        {
            return;
        }

        var courses = await sender.Send(new GetCompetencyCompletions(cohortId, roster.CourseId, learnerId), ct);
        var mastery = await sender.Send(new GetCohortMastery(cohortId, learnerId, FirstMastered: true), ct);
        var rows = (await db.Skills.Where(s => s.CohortId == cohortId && (learnerId == null || s.LearnerId == learnerId)).ToListAsync(ct))
            .ToDictionary(s => (s.LearnerId, s.CompetencyCode.ToUpperInvariant()));

        var codesOf = courses.Activities.ToDictionary(a => a.ActivityId, a => a.CompetencyCodes.Select(c => c.ToUpperInvariant()).Distinct().ToList());
        var totals = codesOf.Values.SelectMany(codes => codes).CountBy(code => code).ToDictionary();
        var done = courses.Completions.Where(c => codesOf.ContainsKey(c.ActivityId))
            .SelectMany(c => codesOf[c.ActivityId].Select(code => (c.UserId, code))).CountBy(x => x).ToDictionary();
        var evidence = mastery.Learners.ToDictionary(m => m.LearnerId);

        foreach (var learner in learners)
        {
            var latest = evidence.GetValueOrDefault(learner);
            foreach (var competency in competencies)
            {
                var key = competency.Code.ToUpperInvariant();
                if (!rows.TryGetValue((learner, key), out var row))
                {
                    row = new SkillAcquisition { CohortId = cohortId, LearnerId = learner, CompetencyCode = competency.Code, UpdatedAt = now };
                    db.Skills.Add(row);
                }

                decimal? value = latest is not null && latest.Latest.TryGetValue(competency.Code, out var percent) ? percent : null;
                var activitiesDone = done.GetValueOrDefault((learner, key));
                var activitiesTotal = totals.GetValueOrDefault(key);
                DateTimeOffset? first = latest?.FirstMasteredAt is { } firsts && firsts.TryGetValue(competency.Code, out var at) ? at : null;
                var acquiredAt = row.AcquiredAt ?? first;
                if (row.Mastery != value || row.ActivitiesDone != activitiesDone || row.ActivitiesTotal != activitiesTotal || row.AcquiredAt != acquiredAt)
                {
                    (row.Mastery, row.ActivitiesDone, row.ActivitiesTotal, row.AcquiredAt, row.UpdatedAt) = (value, activitiesDone, activitiesTotal, acquiredAt, now);
                }
            }
        }
    }

    /// <summary>
    /// The rows of a cohort whose events predate the module (or whose learners enrolled before any skill event): filled from
    /// the owners on first read. Another request filling them at the same moment wins; this one reads its rows.
    /// </summary>
    public static async Task FillIfMissingAsync(FollowUpDbContext db, ISender sender, Guid cohortId, Guid? learnerId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Skills.AnyAsync(s => s.CohortId == cohortId && (learnerId == null || s.LearnerId == learnerId), ct))
        {
            return;
        }

        await RefreshAsync(db, sender, cohortId, learnerId, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
        }
    }
}
