using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Domain;

internal sealed class Cohort : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CourseId { get; init; }

    /// <summary>The course's organisation: its admins are staff of the cohort.</summary>
    public Guid OrganizationId { get; init; }

    public required string Title { get; set; }
    public int Capacity { get; set; }

    /// <summary>Only ever changed by atomic conditional updates (<see cref="Domain.Seats"/>), never read-modify-write.</summary>
    public int SeatsTaken { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The application window: required for <see cref="AdmissionMode.Application"/>; a cohort nobody applies to (enrolled by an organisation, invited) may have none.</summary>
    public DateTimeOffset? ApplicationsOpenAt { get; set; }

    public DateTimeOffset? ApplicationsCloseAt { get; set; }
    public required string TimeZone { get; set; }
    public AdmissionMode AdmissionMode { get; set; }

    /// <summary>
    /// Whether the owning organisation is suspended, kept from Platform's <c>OrganizationSuspensionChanged</c>: such a cohort
    /// takes no applications and has no public page (its members keep their seats; docs/adr/0041).
    /// </summary>
    public bool OrganizationSuspended { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Concurrency token of the editable fields, and the ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CohortOrganization> Organizations { get; init; } = [];
    public List<CohortMember> Members { get; init; } = [];
    public List<Application> Applications { get; init; } = [];
}
