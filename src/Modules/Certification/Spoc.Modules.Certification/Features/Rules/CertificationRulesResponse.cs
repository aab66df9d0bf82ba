using Spoc.Modules.Certification.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Features.Rules;

/// <summary>A cohort's certification rules; a criterion that is null (or an empty list) is not required.</summary>
/// <param name="MinFinalGrade">The least final grade, in percent (the gradebook's weighted grade).</param>
/// <param name="MinCompletionPercent">The least share of the course's activities completed, in percent.</param>
/// <param name="MinAttendancePercent">The least attendance rate at the cohort's live sessions, in percent.</param>
/// <param name="RequiredAssignmentIds">Assignments the learner must have passed (a released grade reaching the gradebook's pass mark).</param>
/// <param name="RequiredCompetencyCodes">Course competencies the learner must have mastered (latest mastery reaching the pass mark).</param>
/// <param name="UpdatedAt">When they were last set; null while none were saved.</param>
internal sealed record CertificationRulesResponse(
    Guid CohortId, decimal? MinFinalGrade, int? MinCompletionPercent, int? MinAttendancePercent,
    IReadOnlyList<Guid> RequiredAssignmentIds, IReadOnlyList<string> RequiredCompetencyCodes, DateTimeOffset? UpdatedAt, Guid Version) : IVersioned
{
    public static CertificationRulesResponse From(CertificationRules rules, bool saved) => new(
        rules.CohortId, rules.MinFinalGrade, rules.MinCompletionPercent, rules.MinAttendancePercent,
        rules.RequiredAssignmentIds, rules.RequiredCompetencyCodes, saved ? rules.UpdatedAt : null, rules.Version);

    /// <summary>No rule saved: nothing required; the empty version, which a first PUT's If-Match matches.</summary>
    public static CertificationRules None(Guid cohortId) => new() { CohortId = cohortId, Version = Guid.Empty };
}
