namespace Spoc.Modules.Courses.Domain;

/// <summary>A learner's place in a cohort as Courses knows it, kept from Cohorts' events; withdrawn learners keep their progress.</summary>
internal sealed class CohortLearner
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset EnrolledAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When the latest enrolment or withdrawal applied here happened: an older event delivered late changes nothing.</summary>
    public DateTimeOffset LastChangeAt { get; set; }

    /// <summary>Enrolled (again) <paramref name="at"/>, unless a later change already applied.</summary>
    public void Enrol(DateTimeOffset at)
    {
        if (at >= LastChangeAt)
        {
            EnrolledAt = at;
            WithdrawnAt = null;
            LastChangeAt = at;
        }
    }

    /// <summary>Withdrawn <paramref name="at"/>, unless a later change already applied.</summary>
    public void Withdraw(DateTimeOffset at)
    {
        if (at >= LastChangeAt)
        {
            WithdrawnAt = at;
            LastChangeAt = at;
        }
    }
}
