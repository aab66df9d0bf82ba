using Mediator;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Features.Sessions;

namespace Spoc.Modules.Community;

/// <summary>The front door of Community: what other modules may ask it (the attendance rates Certification declares in its contracts; the follow-up's weekly summaries: Notifications/FollowUpSummaries.cs).</summary>
internal sealed class PublicApi(CommunityDbContext db) : IQueryHandler<GetAttendanceRates, IReadOnlyList<LearnerAttendanceRate>>
{
    public async ValueTask<IReadOnlyList<LearnerAttendanceRate>> Handle(GetAttendanceRates query, CancellationToken cancellationToken) =>
        await db.OfCohortAsync(query.CohortId, null, cancellationToken);
}
