using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Issuance;

/// <summary>GET /certificates/{certificateId}: one certificate, for its holder, its cohort's staff and the holder's own mentor (the Location of an issue).</summary>
internal static class GetCertificate
{
    public sealed record Query(Guid CertificateId) : IQuery<CohortCertificate>;

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, CohortCertificate>
    {
        public async ValueTask<CohortCertificate> Handle(Query query, CancellationToken cancellationToken) =>
            CohortCertificate.From(await db.ReadableCertificateAsync(sender, me.Id, query.CertificateId, cancellationToken));
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/certificates/{certificateId:guid}", async (Guid certificateId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(certificateId), ct)))
            .WithName("GetCertificate")
            .WithSummary("One certificate (its holder; its cohort's trainers and admins; the holder's mentor)")
            .WithDescription("What the certificate attests (copied when it was issued), its codes and its status. Anyone else, or an unknown id, 404.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CertificatesRead)
            .Problems(ProblemType.NotFound);
}
