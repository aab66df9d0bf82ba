using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Applications;

/// <summary>
/// GET /cohorts/{cohortId}/applications: the staff's review queue, oldest first, filterable by status; or, with
/// <c>updatedSince</c>, the applications changed since a sync's cursor (ADR 0046). No tombstones: an application is never
/// deleted, its withdrawal or rejection is a change of status.
/// </summary>
internal static class ListApplications
{
    /// <param name="Since">Sync mode (ADR 0046): only the applications changed after this point, oldest change first.</param>
    public sealed record Query(Guid CohortId, ApplicationStatus? Status, PageRequest Paging, ChangeCursor? Since = null) : IQuery<PagedResult<ApplicationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            // An application admitted would just vanish from a sync of the submitted ones: nothing would say it left.
            RuleFor(q => q.Status).Null().When(q => q.Since is not null).WithMessage("status does not go with updatedSince: sync every application.");
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, SyncWindow sync) : IQueryHandler<Query, PagedResult<ApplicationResponse>>
    {
        public async ValueTask<PagedResult<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.DecideApplications, cancellationToken);
            var status = query.Status;
            var applications = db.Applications.AsNoTracking().Where(a => a.CohortId == query.CohortId && (status == null || a.Status == status));
            if (query.Since is { } since)
            {
                var (changed, left) = await sync.ReadAsync(applications, since, query.Paging.PageSize, a => a.UpdatedAt, a => a.Id, ApplicationRows.Row, cancellationToken);
                return await ApplicationRows.ToResponsesAsync(new PagedResult<ApplicationRows.RowData>(changed, query.Paging.Page, query.Paging.PageSize, left), sender, withNames: true, cancellationToken);
            }

            var page = await applications
                .OrderBy(a => a.Status == ApplicationStatus.Waitlisted ? a.WaitlistedAt : a.SubmittedAt).ThenBy(a => a.Id)
                .Select(ApplicationRows.Row)
                .ToPageAsync(query.Paging, cancellationToken);
            return await ApplicationRows.ToResponsesAsync(page, sender, withNames: true, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/applications", async (Guid cohortId, ApplicationStatus? status, [AsParameters] PageRequest paging, [AsParameters] ChangeCursor.Parameters since,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, status, paging, since.Cursor), ct)))
            .WithName("ListApplications")
            .WithSummary("Applications to a cohort, by status (trainers, org admins)")
            .WithDescription("Requires `DecideApplications` (trainers, owner admins; 403 for other members, 404 for outsiders). `status` filters; the waitlist is in queue order (first waitlisted first), the others by submission time. The head of the waitlist takes the next freed seat. "
                + "Sync (docs/integrations.md): with `updatedSince` (and `afterId`, the last item's `id`), only the applications changed after that point (submitted, decided, promoted, withdrawn), oldest first; "
                + "pass the last item's `updatedAt` and `id` back to read on; `page` is not used, `totalCount` is what is left, and `status` does not combine with it. "
                + "No tombstones: an application is never deleted (a withdrawal is a status). `waitlistPosition` moves when others leave the queue without changing `updatedAt`. "
                + "Changes of the last few seconds are held back until they settle.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
