using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Domain;

/// <summary>
/// What a learner of a cohort must reach to be certified (issue 14). Every criterion is optional: a null or empty one is
/// not required. Certificates already issued keep what they attested; changing the rules never touches them.
/// </summary>
internal sealed class CertificationRules : IVersioned
{
    public Guid CohortId { get; init; }

    /// <summary>The least final grade, in percent (the gradebook's weighted grade).</summary>
    public decimal? MinFinalGrade { get; set; }

    /// <summary>The least share of the course's activities completed, in percent.</summary>
    public int? MinCompletionPercent { get; set; }

    /// <summary>The least attendance rate at the cohort's live sessions, in percent (docs/adr/0028).</summary>
    public int? MinAttendancePercent { get; set; }

    /// <summary>Assignments the learner must have passed.</summary>
    public List<Guid> RequiredAssignmentIds { get; set; } = [];

    /// <summary>Course competencies (by code) the learner must have mastered.</summary>
    public List<string> RequiredCompetencyCodes { get; set; } = [];

    public Guid UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The rules' ETag: edits are conditional on it (If-Match).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
