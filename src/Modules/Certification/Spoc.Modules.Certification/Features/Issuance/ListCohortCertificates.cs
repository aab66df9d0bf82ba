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

/// <summary>GET /cohorts/{cohortId}/certificates: the cohort's certificates for staff, newest first, optionally of one status.</summary>
internal static class ListCohortCertificates
{
    public sealed record Query(Guid CohortId, CertificateStatus? Status, PageRequest Paging) : IQuery<PagedResult<CohortCertificate>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<CohortCertificate>>
    {
        public async ValueTask<PagedResult<CohortCertificate>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.CertificationStaffAsync(query.CohortId, me.Id, cancellationToken);
            return await db.Certificates.AsNoTracking()
                .Where(c => c.CohortId == query.CohortId && (query.Status == null || c.Status == query.Status))
                .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
                .Select(CohortCertificate.Projection)
                .ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/certificates", async (Guid cohortId, [FromQuery] CertificateStatus? status, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, status, paging), ct)))
            .WithName("ListCohortCertificates")
            .WithSummary("The cohort's certificates, newest first (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). Every certificate issued in the cohort, valid and revoked (`status` keeps one of them), with what it attests and its codes. Paged (default 20, at most 100).")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CertificatesRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
