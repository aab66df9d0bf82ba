using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>An organisation named on a cohort, and whether it consented (the owner always has).</summary>
/// <param name="Status"><c>Pending</c> until one of the organisation's admins accepts; only accepted partners' people may join.</param>
public sealed record Partnership(Guid OrganizationId, PartnershipStatus Status);

/// <summary>
/// A cohort as every cohort endpoint returns it, with its live seat counts and the caller's place in it: their role and
/// what they may do (<c>capabilities</c>, from the capability table), so clients show only the actions that will work.
/// </summary>
/// <param name="Capacity">Seats, 1 to 200; on update never below the seats already taken (409 capacity-below-seats-taken).</param>
/// <param name="StartsOn">First day of the cohort, in its time zone; activities are released from this day by their offsets.</param>
/// <param name="EndsOn">Last day of the cohort: after <c>startsOn</c>.</param>
/// <param name="ApplicationsOpenAt">When learners may start applying; null for a cohort nobody applies to (<c>OrganizationEnrollment</c>, <c>InviteOnly</c>) given no window.</param>
/// <param name="ApplicationsCloseAt">When applications close: after <c>applicationsOpenAt</c>, and on or before <c>startsOn</c> in the cohort's time zone.</param>
/// <param name="TimeZone">IANA time zone name (such as <c>Europe/Paris</c>) in which the cohort's dates and release days are counted.</param>
/// <param name="OrganizationId">The organisation that owns the course and the cohort.</param>
/// <param name="SeatsTaken">Learners enrolled now (admitted, invited or enrolled by their organisation).</param>
/// <param name="SeatsLeft"><c>capacity</c> minus <c>seatsTaken</c>; 0 means new admissions go to the waitlist.</param>
/// <param name="WaitlistLength">Applications waiting for a seat, promoted in order when one frees up.</param>
/// <param name="OrganizationIds">The owner and the partner organisations named on the cohort (see <c>partnerships</c> for their consent).</param>
/// <param name="MyRole">The caller's role in the cohort; null when they are not a member.</param>
/// <param name="Capabilities">What the caller may do in this cohort (docs/capabilities.md): show only the actions listed.</param>
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
    DateTimeOffset? ApplicationsOpenAt,
    DateTimeOffset? ApplicationsCloseAt,
    AdmissionMode AdmissionMode,
    IReadOnlyList<Guid> OrganizationIds,
    string TimeZone,
    CohortRole? MyRole,
    IReadOnlyList<Partnership> Partnerships,
    IReadOnlyList<CohortCapability> Capabilities,
    [property: JsonIgnore] Guid Version,
    [property: JsonIgnore] bool ViewerApplied,
    [property: JsonIgnore] bool OrganizationSuspended) : IVersioned
{
    /// <summary>
    /// One SQL projection: seat counts and waitlist length come from the same query as the cohort, and so do the facts
    /// <see cref="Domain.CohortGate.CanSee"/> needs (role, partnerships, <see cref="ViewerApplied"/>, <see cref="OrganizationSuspended"/>).
    /// The viewer is a parameter of the expression, so that <see cref="ById"/> compiles it once; <see cref="Projection"/> binds it for other queries.
    /// </summary>
    private static readonly Expression<Func<Cohort, Guid, CohortResponse>> ForViewer = (c, viewerId) => new CohortResponse(
        c.Id, c.CourseId, c.OrganizationId, c.Title, c.Capacity, c.SeatsTaken, c.Capacity - c.SeatsTaken,
        c.Applications.Count(a => a.Status == ApplicationStatus.Waitlisted),
        c.StartsOn, c.EndsOn, c.ApplicationsOpenAt, c.ApplicationsCloseAt, c.AdmissionMode,
        c.Organizations.Select(o => o.OrganizationId).ToList(), c.TimeZone,
        c.Members.Where(m => m.UserId == viewerId).Select(m => (CohortRole?)m.Role).FirstOrDefault(),
        c.Organizations.Select(o => new Partnership(o.OrganizationId, o.Status)).ToList(),
        new List<CohortCapability>(),
        c.Version,
        c.Applications.Any(a => a.ApplicantId == viewerId),
        c.OrganizationSuspended);

    internal static Expression<Func<Cohort, CohortResponse>> Projection(Guid viewerId) => Inliner.Inline((Cohort c) => As(c, viewerId));

    /// <summary>
    /// GET /cohorts/{id}'s query, compiled once: built per request, its projection's expression tree and EF's parameter
    /// extraction from it were ~9% of the request's time under load (docs/performance.md).
    /// </summary>
    internal static readonly Func<CohortsDbContext, Guid, Guid, CancellationToken, Task<CohortResponse?>> ById =
        EF.CompileAsyncQuery(Inliner.Inline((CohortsDbContext db, Guid cohortId, Guid viewerId, CancellationToken ct) =>
            db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => As(c, viewerId)).FirstOrDefault()));

    /// <summary>Stands for <see cref="ForViewer"/> in a query written in C#; <see cref="Inliner"/> puts the projection in its place.</summary>
    private static CohortResponse? As(Cohort cohort, Guid viewerId) => throw new UnreachableException();

    private sealed class Inliner : ExpressionVisitor
    {
        private static readonly MethodInfo Marker = ((Func<Cohort, Guid, CohortResponse?>)As).Method;

        public static T Inline<T>(T expression) where T : Expression => (T)new Inliner().Visit(expression);

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method == Marker ? new Rebind(ForViewer.Parameters, node.Arguments).Visit(ForViewer.Body) : base.VisitMethodCall(node);
    }

    private sealed class Rebind(ReadOnlyCollection<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            parameters.IndexOf(node) is var i and >= 0 ? arguments[i] : node;
    }

    /// <summary>Fills <see cref="Capabilities"/> for <paramref name="viewer"/> from what the projection already loaded (no query).</summary>
    internal CohortResponse For(Domain.Viewer viewer) => this with
    {
        Capabilities = Domain.CohortGate.CapabilitiesOf(viewer, OrganizationId, Partnerships.Where(p => p.Status == PartnershipStatus.Accepted).Select(p => p.OrganizationId), MyRole)
            .Order().ToList(),
    };
}
