namespace Spoc.Modules.Cohorts.Contracts;

/// <summary>Cohort roles (API.md, Roles); a cohort's staff are its trainers and mentors plus its organisation's admins.</summary>
public enum CohortRole
{
    Trainer,
    Mentor,
    Learner,
}
