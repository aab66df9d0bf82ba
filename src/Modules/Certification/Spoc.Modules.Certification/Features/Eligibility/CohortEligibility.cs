using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Rules;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Modules.Certification.Features.Eligibility;

/// <summary>One criterion of the rules for one learner.</summary>
/// <param name="Required">Whether the rules ask for it; one not required is met.</param>
/// <param name="Value">The learner's figure: grade, completion or attendance in percent (null: none yet); for assignments and competencies, how many of the required ones they passed or mastered (null when none are required).</param>
/// <param name="Threshold">What the rules ask: the least percent, or how many assignments or competencies; null when not required.</param>
internal sealed record EligibilityCriterion(bool Required, bool Met, decimal? Value, decimal? Threshold);

/// <summary>The five criteria of the rules, each with the learner's figure.</summary>
internal sealed record EligibilityCriteria(
    EligibilityCriterion FinalGrade, EligibilityCriterion Completion, EligibilityCriterion Attendance, EligibilityCriterion Assignments, EligibilityCriterion Competencies);

/// <summary>A required assignment the learner has not passed yet.</summary>
internal sealed record MissingAssignment(Guid Id, string Title);

/// <summary>A required competency the learner has not mastered yet.</summary>
internal sealed record MissingCompetency(string Code, string Title);

/// <summary>The learner's certificate in the cohort: the valid one, or else the last one revoked.</summary>
internal sealed record CertificateStanding(Guid Id, CertificateStatus Status, DateTimeOffset IssuedAt);

/// <summary>Where a learner stands against the cohort's certification rules.</summary>
/// <param name="Eligible">Every criterion is met.</param>
/// <param name="MissingAssignments">The required assignments not passed yet, by title.</param>
/// <param name="MissingCompetencies">The required competencies not mastered yet.</param>
/// <param name="Certificate">Their certificate, if one was ever issued; null otherwise.</param>
internal sealed record LearnerEligibility(
    Guid UserId, string DisplayName, bool Eligible, EligibilityCriteria Criteria,
    IReadOnlyList<MissingAssignment> MissingAssignments, IReadOnlyList<MissingCompetency> MissingCompetencies, CertificateStanding? Certificate);

/// <summary>
/// The eligibility of a cohort's current learners, composed from the other modules' contracts: the final grades (Assessment),
/// the completion rates (Courses), the attendance rates (Community), and when the rules require them the passed assignments
/// and the competency mastery (Assessment). Each is asked once for the whole cohort, so the number of mediator calls and
/// SQL statements depends on the rules, never on the number of learners (docs/adr/0030).
/// </summary>
internal static class CohortEligibility
{
    /// <param name="Mastered">Per learner, every competency of the course they have mastered (what a certificate attests); filled only when asked.</param>
    public sealed record Outcome(IReadOnlyList<LearnerEligibility> Learners, IReadOnlyDictionary<Guid, IReadOnlyList<AchievedCompetency>> Mastered);

    /// <param name="only">The learners to assess (a mentor's, the caller alone); null: every current learner.</param>
    /// <param name="withMastery">Read every competency's mastery even when the rules require none (issuance records them).</param>
    public static async Task<Outcome> AssessAsync(
        this CertificationDbContext db, ISender sender, CohortAccessInfo access, IReadOnlyCollection<Guid>? only, bool withMastery, CancellationToken ct)
    {
        var cohortId = access.CohortId;
        var rules = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.CohortId == cohortId, ct) ?? CertificationRulesResponse.None(cohortId);
        var roster = (await sender.Send(new GetCohortLearners(cohortId), ct))?.LearnerIds ?? [];
        var learners = only is null ? roster : [.. roster.Where(only.Contains)];
        if (learners.Count == 0)
        {
            return new Outcome([], new Dictionary<Guid, IReadOnlyList<AchievedCompetency>>());
        }

        var grades = (await sender.Send(new GetFinalGrades(cohortId), ct)).ToDictionary(g => g.LearnerId, g => g.Grade);
        var completion = (await sender.Send(new GetCompletionRates(cohortId, access.CourseId), ct)).ToDictionary(c => c.UserId, c => c.Percent);
        var attendance = (await sender.Send(new GetAttendanceRates(cohortId), ct)).ToDictionary(a => a.UserId, a => a.Rate);

        var requiredAssignments = rules.RequiredAssignmentIds;
        var passed = new Dictionary<Guid, HashSet<Guid>>();
        var assignmentTitles = new Dictionary<Guid, string>();
        if (requiredAssignments.Count > 0)
        {
            passed = (await sender.Send(new GetPassedAssignments(cohortId), ct)).ToDictionary(p => p.LearnerId, p => p.AssignmentIds.ToHashSet());
            assignmentTitles = (await sender.Send(new GetDueDatesOfCohort(cohortId), ct)).ToDictionary(a => a.AssignmentId, a => a.Title);
        }

        var requiredCodes = rules.RequiredCompetencyCodes;
        CohortMastery? mastery = null;
        IReadOnlyList<CourseCompetency> competencies = [];
        if (requiredCodes.Count > 0 || withMastery)
        {
            mastery = await sender.Send(new GetCohortMastery(cohortId), ct);
            competencies = await sender.Send(new GetCourseCompetencies(access.CourseId), ct);
        }

        var latest = mastery?.Learners.ToDictionary(l => l.LearnerId, l => l.Latest) ?? [];
        bool Masters(Guid learner, string code) => latest.GetValueOrDefault(learner)?.GetValueOrDefault(code) is { } percent && percent >= mastery!.Threshold;
        string CompetencyTitle(string code) => competencies.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))?.Title ?? code;

        var names = (await sender.Send(new GetUsers(learners), ct)).ToDictionary(u => u.Id, u => u.DisplayName);
        var certificates = (await db.Certificates.AsNoTracking()
                .Where(c => c.CohortId == cohortId)
                .Select(c => new { c.HolderId, Standing = new CertificateStanding(c.Id, c.Status, c.IssuedAt) })
                .ToListAsync(ct))
            .GroupBy(c => c.HolderId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Standing).OrderBy(s => s.Status != CertificateStatus.Valid).ThenByDescending(s => s.IssuedAt).First());

        var rows = learners.Select(id =>
        {
            var grade = grades.GetValueOrDefault(id);
            var done = completion.GetValueOrDefault(id);
            var rate = attendance.GetValueOrDefault(id);
            var missingAssignments = requiredAssignments.Where(a => passed.GetValueOrDefault(id)?.Contains(a) != true)
                .Select(a => new MissingAssignment(a, assignmentTitles.GetValueOrDefault(a, ""))).ToList();
            var missingCompetencies = requiredCodes.Where(code => !Masters(id, code)).Select(code => new MissingCompetency(code, CompetencyTitle(code))).ToList();
            var criteria = new EligibilityCriteria(
                AtLeast(grade, rules.MinFinalGrade),
                AtLeast(done, rules.MinCompletionPercent),
                AtLeast(rate, rules.MinAttendancePercent),
                AllOf(requiredAssignments.Count, missingAssignments.Count),
                AllOf(requiredCodes.Count, missingCompetencies.Count));
            var eligible = new[] { criteria.FinalGrade, criteria.Completion, criteria.Attendance, criteria.Assignments, criteria.Competencies }.All(c => c.Met);
            return new LearnerEligibility(id, names.GetValueOrDefault(id, ""), eligible, criteria, missingAssignments, missingCompetencies, certificates.GetValueOrDefault(id));
        }).ToList();

        var mastered = learners.ToDictionary(id => id, id => (IReadOnlyList<AchievedCompetency>)[.. competencies.Where(c => Masters(id, c.Code)).Select(c => new AchievedCompetency(c.Code, c.Title))]);
        return new Outcome(rows, mastered);
    }

    /// <summary>A figure against a least value: a learner without a figure yet does not meet a required one.</summary>
    private static EligibilityCriterion AtLeast(decimal? value, decimal? threshold) =>
        new(threshold is not null, threshold is null || value >= threshold, value, threshold);

    /// <summary>All the required items (assignments passed, competencies mastered): the value is how many the learner has.</summary>
    private static EligibilityCriterion AllOf(int required, int missing) =>
        required == 0 ? new(false, true, null, null) : new(true, missing == 0, required - missing, required);

    /// <summary>The criteria a learner misses, by name, for a 409 <c>not-eligible</c> and the learner's "il vous manque".</summary>
    public static IReadOnlyDictionary<string, EligibilityCriterion> Unmet(this LearnerEligibility learner) =>
        new Dictionary<string, EligibilityCriterion>
        {
            ["finalGrade"] = learner.Criteria.FinalGrade, ["completion"] = learner.Criteria.Completion, ["attendance"] = learner.Criteria.Attendance,
            ["assignments"] = learner.Criteria.Assignments, ["competencies"] = learner.Criteria.Competencies,
        }.Where(c => !c.Value.Met).ToDictionary();
}
