using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Issuance;

/// <summary>
/// GET /cohorts/{cohortId}/certificates: the cohort's certificates for staff, newest first, optionally of one status; or, with
/// <c>updatedSince</c>, those issued or revoked since a sync's cursor (ADR 0046). No tombstones: a certificate is never
/// deleted, its revocation is a change of status.
/// </summary>
internal static class ListCohortCertificates
{
    /// <param name="Since">Sync mode (ADR 0046): only the certificates changed after this point, oldest change first.</param>
    public sealed record Query(Guid CohortId, CertificateStatus? Status, PageRequest Paging, ChangeCursor? Since = null) : IQuery<PagedResult<CohortCertificate>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            // A certificate revoked would just vanish from a sync of the valid ones: nothing would say it left.
            RuleFor(q => q.Status).Null().When(q => q.Since is not null).WithMessage("status does not go with updatedSince: sync every certificate.");
        }
    }

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me, SyncWindow sync) : IQueryHandler<Query, PagedResult<CohortCertificate>>
    {
        public async ValueTask<PagedResult<CohortCertificate>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.CertificationStaffAsync(query.CohortId, me.Id, cancellationToken);
            var certificates = db.Certificates.AsNoTracking().Where(c => c.CohortId == query.CohortId && (query.Status == null || c.Status == query.Status));
            if (query.Since is { } since)
            {
                var (changed, left) = await sync.ReadAsync(certificates, since, query.Paging.PageSize, c => c.UpdatedAt, c => c.Id, CohortCertificate.Projection, cancellationToken);
                return new PagedResult<CohortCertificate>(changed, query.Paging.Page, query.Paging.PageSize, left);
            }

            return await certificates
                .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
                .Select(CohortCertificate.Projection)
                .ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/certificates", async (Guid cohortId, [FromQuery] CertificateStatus? status, [AsParameters] PageRequest paging, [AsParameters] ChangeCursor.Parameters since,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, status, paging, since.Cursor), ct)))
            .WithName("ListCohortCertificates")
            .WithSummary("The cohort's certificates, newest first (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). Every certificate issued in the cohort, valid and revoked (`status` keeps one of them), with what it attests and its codes. Paged (default 20, at most 100). "
                + "Sync (docs/integrations.md): with `updatedSince` (and `afterId`, the last item's `id`), only the certificates issued or revoked after that point, oldest first; "
                + "pass the last item's `updatedAt` and `id` back to read on; `page` is not used, `totalCount` is what is left, and `status` does not combine with it. "
                + "No tombstones: a certificate is never deleted (a revocation is a status). Changes of the last few seconds are held back until they settle.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CertificatesRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
