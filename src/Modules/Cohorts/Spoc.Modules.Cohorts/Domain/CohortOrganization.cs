using Spoc.Modules.Cohorts.Contracts;

namespace Spoc.Modules.Cohorts.Domain;

/// <summary>
/// An organisation whose people may join: one for an intra-company cohort, several for an inter-company one. A partner
/// (not the owner) is <see cref="PartnershipStatus.Pending"/> until one of its admins accepts: until then it opens nothing.
/// </summary>
internal sealed class CohortOrganization
{
    public Guid CohortId { get; init; }
    public Guid OrganizationId { get; init; }
    public PartnershipStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }

    public void Accept(Guid by, DateTimeOffset now) => Decide(PartnershipStatus.Accepted, by, now);

    public void Decline(Guid by, DateTimeOffset now) => Decide(PartnershipStatus.Declined, by, now);

    /// <summary>Giving the same answer twice changes nothing; changing one's mind after deciding is 409 partnership-decided.</summary>
    private void Decide(PartnershipStatus answer, Guid by, DateTimeOffset now)
    {
        if (Status == answer)
        {
            return;
        }

        if (Status != PartnershipStatus.Pending)
        {
            throw CohortProblems.PartnershipDecided.Exception(Status);
        }

        Status = answer;
        DecidedAt = now;
        DecidedBy = by;
    }
}
