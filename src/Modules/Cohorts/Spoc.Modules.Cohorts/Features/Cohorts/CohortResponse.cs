using System.Linq.Expressions;
using System.Text.Json.Serialization;
using FluentValidation;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>An organisation named on a cohort, and whether it consented (the owner always has).</summary>
public sealed record Partnership(Guid OrganizationId, PartnershipStatus Status);

/// <summary>
/// A cohort as every cohort endpoint returns it, with its live seat counts and the caller's place in it: their role and
/// what they may do (<c>capabilities</c>, from the capability table), so clients show only the actions that will work.
/// </summary>
public sealed record CohortResponse(
    Guid Id,
    Guid CourseId,
    Guid OrganizationId,
    string Title,
    int Capacity,
    int SeatsTaken,
    int SeatsLeft,
    int WaitlistLength,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateTimeOffset ApplicationsOpenAt,
    DateTimeOffset ApplicationsCloseAt,
    AdmissionMode AdmissionMode,
    IReadOnlyList<Guid> OrganizationIds,
    string TimeZone,
    CohortRole? MyRole,
    IReadOnlyList<Partnership> Partnerships,
    IReadOnlyList<CohortCapability> Capabilities,
    [property: JsonIgnore] Guid Version,
    [property: JsonIgnore] bool ViewerApplied) : IVersioned
{
    /// <summary>
    /// One SQL projection: seat counts and waitlist length come from the same query as the cohort, and so do the facts
    /// <see cref="Domain.CohortGate.CanSee"/> needs (role, partnerships, <see cref="ViewerApplied"/>).
    /// </summary>
    internal static Expression<Func<Cohort, CohortResponse>> Projection(Guid viewerId) => c => new CohortResponse(
        c.Id, c.CourseId, c.OrganizationId, c.Title, c.Capacity, c.SeatsTaken, c.Capacity - c.SeatsTaken,
        c.Applications.Count(a => a.Status == ApplicationStatus.Waitlisted),
        c.StartsOn, c.EndsOn, c.ApplicationsOpenAt, c.ApplicationsCloseAt, c.AdmissionMode,
        c.Organizations.Select(o => o.OrganizationId).ToList(), c.TimeZone,
        c.Members.Where(m => m.UserId == viewerId).Select(m => (CohortRole?)m.Role).FirstOrDefault(),
        c.Organizations.Select(o => new Partnership(o.OrganizationId, o.Status)).ToList(),
        new List<CohortCapability>(),
        c.Version,
        c.Applications.Any(a => a.ApplicantId == viewerId));

    /// <summary>Fills <see cref="Capabilities"/> for <paramref name="viewer"/> from what the projection already loaded (no query).</summary>
    internal CohortResponse For(Domain.Viewer viewer) => this with
    {
        Capabilities = Domain.CohortGate.CapabilitiesOf(viewer, OrganizationId, Partnerships.Where(p => p.Status == PartnershipStatus.Accepted).Select(p => p.OrganizationId), MyRole)
            .Order().ToList(),
    };
}
