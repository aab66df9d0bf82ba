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

/// <summary>GET /cohorts/{cohortId}/applications: the staff's review queue, oldest first, filterable by status.</summary>
internal static class ListApplications
{
    public sealed record Query(Guid CohortId, ApplicationStatus? Status, PageRequest Paging) : IQuery<PagedResult<ApplicationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender) : IQueryHandler<Query, PagedResult<ApplicationResponse>>
    {
        public async ValueTask<PagedResult<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.DecideApplications, cancellationToken);
            var status = query.Status;
            var page = await db.Applications.AsNoTracking()
                .Where(a => a.CohortId == query.CohortId && (status == null || a.Status == status))
                .OrderBy(a => a.Status == ApplicationStatus.Waitlisted ? a.WaitlistedAt : a.SubmittedAt).ThenBy(a => a.Id)
                .Select(ApplicationRows.Row)
                .ToPageAsync(query.Paging, cancellationToken);
            return await ApplicationRows.ToResponsesAsync(page, sender, withNames: true, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/applications", async (Guid cohortId, ApplicationStatus? status, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, status, paging), ct)))
            .WithName("ListApplications")
            .WithSummary("Applications to a cohort, by status (trainers, org admins)")
            .WithDescription("Requires `DecideApplications` (trainers, owner admins; 403 for other members, 404 for outsiders). `status` filters; the waitlist is in queue order (first waitlisted first), the others by submission time. The head of the waitlist takes the next freed seat.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
