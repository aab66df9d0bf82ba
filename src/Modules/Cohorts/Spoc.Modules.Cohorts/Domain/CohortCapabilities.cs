using Spoc.Modules.Cohorts.Contracts;
using static Spoc.Modules.Cohorts.Contracts.CohortCapability;

namespace Spoc.Modules.Cohorts.Domain;

/// <summary>Where someone stands towards a cohort; one person may hold several standings (an org admin who is also its trainer).</summary>
internal enum CohortStanding
{
    PlatformAdmin,
    OwnerAdmin,
    PartnerAdmin,
    Trainer,
    Mentor,
    Learner,
}

/// <summary>
/// The cohort capability table (docs/capabilities.md), the only place that says which standing may do what.
/// Handlers ask for a capability, never for a role. Outsiders have no standing and find nothing (404).
/// </summary>
internal static class CohortCapabilities
{
    private static readonly CohortCapability[] Runs =
        [ViewInside, PreviewContent, ManageSettings, ManageStaff, EnrolLearners, DecideApplications, ManageInvitations, ManageGroups, ManageAssignments, ActOnAllLearners];

    public static readonly IReadOnlyDictionary<CohortStanding, IReadOnlySet<CohortCapability>> Table = new Dictionary<CohortStanding, IReadOnlySet<CohortCapability>>
    {
        [CohortStanding.PlatformAdmin] = Runs.ToHashSet(),
        [CohortStanding.OwnerAdmin] = Runs.ToHashSet(),
        [CohortStanding.Trainer] = Runs.ToHashSet(),
        [CohortStanding.PartnerAdmin] = new HashSet<CohortCapability> { EnrolOwnPeople },
        [CohortStanding.Mentor] = new HashSet<CohortCapability> { ViewInside, PreviewContent, ActOnOwnMentees },
        [CohortStanding.Learner] = new HashSet<CohortCapability> { ViewInside, Learn },
    };

    public static IReadOnlySet<CohortCapability> Of(IEnumerable<CohortStanding> standings) =>
        standings.SelectMany(s => Table[s]).ToHashSet();

    public static IEnumerable<CohortStanding> Standings(Viewer viewer, Guid owningOrganizationId, IEnumerable<Guid> acceptedPartners, CohortRole? role)
    {
        if (viewer.IsPlatformAdmin)
        {
            yield return CohortStanding.PlatformAdmin;
        }

        if (viewer.AdminOf.Contains(owningOrganizationId))
        {
            yield return CohortStanding.OwnerAdmin;
        }

        if (acceptedPartners.Any(viewer.AdminOf.Contains))
        {
            yield return CohortStanding.PartnerAdmin;
        }

        if (role is { } r)
        {
            yield return r switch
            {
                CohortRole.Trainer => CohortStanding.Trainer,
                CohortRole.Mentor => CohortStanding.Mentor,
                _ => CohortStanding.Learner,
            };
        }
    }
}
