using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Issuance;

/// <summary>One action of a cohort's certification history.</summary>
/// <param name="Action">Issued or Revoked.</param>
/// <param name="Reason">The revocation's reason; null for an issue.</param>
internal sealed record CertificationHistoryEntry(
    Guid Id, Guid CertificateId, Guid HolderId, string HolderName, CertificateAction Action, Guid ActorId, string ActorName, DateTimeOffset At, string? Reason);

/// <summary>GET /cohorts/{cohortId}/certification/history: who issued or revoked which certificate and when, newest first (staff).</summary>
internal static class GetCertificationHistory
{
    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<PagedResult<CertificationHistoryEntry>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<CertificationHistoryEntry>>
    {
        public async ValueTask<PagedResult<CertificationHistoryEntry>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.CertificationStaffAsync(query.CohortId, me.Id, cancellationToken);
            var page = await db.CertificateEvents.AsNoTracking()
                .Where(e => e.CohortId == query.CohortId)
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .ToPageAsync(query.Paging, cancellationToken);
            var people = page.Items.SelectMany(e => new[] { e.HolderId, e.ActorId }).Distinct().ToList();
            // The page's names in one call, whatever its size.
            var names = people.Count == 0 ? [] : (await sender.Send(new GetUsers(people), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            return new PagedResult<CertificationHistoryEntry>(
                [.. page.Items.Select(e => new CertificationHistoryEntry(e.Id, e.CertificateId, e.HolderId, names.GetValueOrDefault(e.HolderId, ""), e.Action, e.ActorId,
                    names.GetValueOrDefault(e.ActorId, ""), e.At, e.Reason))],
                page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/certification/history", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("GetCertificationHistory")
            .WithSummary("Every issue and revocation of the cohort's certificates, with who and when, newest first (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). One entry per action: the certificate, its holder, `Issued` or `Revoked` (with the reason), who did it and when; names as they are now. Paged (default 20, at most 100).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
