using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Certificates;

/// <summary>A certificate as its holder lists it ("Mes certificats"), with where to get its files and where others check it.</summary>
/// <param name="VerificationCode">The public code (26 characters) of the verification URL and the QR code.</param>
/// <param name="ShortCode">The short code as printed on the PDF, three groups of four (<c>XXXX-XXXX-XXXX</c>), to read out or type.</param>
/// <param name="IssuedOn">The day it was issued (UTC), as the PDF prints it.</param>
/// <param name="RevokedOn">The day it was revoked (UTC); null while valid.</param>
/// <param name="OrganizationNames">The issuing organisation first, then the cohort's partners.</param>
/// <param name="VerifyUrl">The public page anyone opens to check it (the share link; the QR code's target).</param>
/// <param name="PdfUrl">Where to download the PDF (<c>GET /certificates/{id}/pdf</c>).</param>
/// <param name="CredentialUrl">Where to download the signed Open Badges 3.0 credential for a wallet (<c>GET /certificates/{id}/credential</c>).</param>
public sealed record HeldCertificateResponse(
    Guid Id, string VerificationCode, string ShortCode, CertificateStatus Status, DateOnly IssuedOn, DateOnly? RevokedOn,
    string CourseTitle, string CohortTitle, IReadOnlyList<string> OrganizationNames, string VerifyUrl, string PdfUrl, string CredentialUrl);

/// <summary>GET /me/certificates: the caller's own certificates, newest first; two statements whatever their number.</summary>
internal static class ListMyCertificates
{
    public sealed record Query(PageRequest Paging) : IQuery<PagedResult<HeldCertificateResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    private sealed record Row(
        Guid Id, string VerificationCode, string ShortCode, CertificateStatus Status, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt,
        string CourseTitle, string CohortTitle, List<string> OrganizationNames);

    internal sealed class Handler(CertificationDbContext db, ICurrentUser me, PublicSite site) : IQueryHandler<Query, PagedResult<HeldCertificateResponse>>
    {
        public async ValueTask<PagedResult<HeldCertificateResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await db.Certificates.AsNoTracking()
                .Where(c => c.HolderId == me.Id)
                .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
                .Select(c => new Row(c.Id, c.VerificationCode, c.ShortCode, c.Status, c.IssuedAt, c.RevokedAt, c.CourseTitle, c.CohortTitle, c.OrganizationNames))
                .ToPageAsync(query.Paging, cancellationToken);
            return new(
                [.. page.Items.Select(c => new HeldCertificateResponse(
                    c.Id, c.VerificationCode, CertificatePdf.Grouped(c.ShortCode), c.Status,
                    DateOnly.FromDateTime(c.IssuedAt.UtcDateTime), c.RevokedAt is { } revoked ? DateOnly.FromDateTime(revoked.UtcDateTime) : null,
                    c.CourseTitle, c.CohortTitle, c.OrganizationNames, site.Link($"/verify/{c.VerificationCode}"),
                    $"/api/v1/certificates/{c.Id}/pdf", $"/api/v1/certificates/{c.Id}/credential"))],
                page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/certificates", async ([AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(paging), ct)))
            .WithName("ListMyCertificates")
            .WithSummary("The caller's certificates, newest first (\"Mes certificats\")")
            .WithDescription("Any signed-in user, their own certificates only, valid and revoked, newest first and paged: the course, cohort and organisations as the certificate attests them, its status (a revoked one with the day), its codes, the public verification URL to share, and the links to its PDF and to its signed credential for a wallet.")
            .RequireAuthorization(Policies.SignedIn);
}
