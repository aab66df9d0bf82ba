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

namespace Spoc.Modules.Cohorts.Features.Invitations;

/// <summary>GET /cohorts/{cohortId}/invitations: staff follow who was invited, who accepted, what expired.</summary>
internal static class ListInvitations
{
    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<PagedResult<Invitation>>;

    public sealed record Invitation(Guid Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, bool Expired);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, TimeProvider clock) : IQueryHandler<Query, PagedResult<Invitation>>
    {
        public async ValueTask<PagedResult<Invitation>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.ManageInvitations, cancellationToken);
            var now = clock.GetUtcNow();
            return await db.Invitations.AsNoTracking()
                .Where(i => i.CohortId == query.CohortId)
                .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
                .Select(i => new Invitation(i.Id, i.Email, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.AcceptedAt == null && i.ExpiresAt <= now))
                .ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/invitations", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("ListInvitations")
            .WithSummary("Invitations of a cohort and their state (trainers, org admins)")
            .WithDescription("Requires `ManageInvitations` (trainers, owner admins; 403 for other members, 404 for outsiders). Newest first; `acceptedAt` is set once used, `expired` when it lapsed unused. Tokens are never shown again.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
