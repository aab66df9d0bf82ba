using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Issuance;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Certification.Features.Verification;

/// <summary>What <c>GET /verify/{code}</c> says of a code.</summary>
public enum VerificationStatus
{
    Valid,
    Revoked,

    /// <summary>No certificate has this code (or it is not a code at all).</summary>
    Unknown,
}

/// <summary>
/// GET /verify/{code}: anyone checks a certificate by the code of its QR code, its URL or its print (docs/adr/0031). An
/// unknown or malformed code answers the same shape after the same single query, so neither the answer nor its timing
/// tells a guesser anything; and it shows only what the certificate itself shows (no email, no id, no revocation reason).
/// </summary>
internal static class VerifyCertificate
{
    // 'U' is not in Crockford's alphabet: what a malformed code is looked up as, so that it costs the same query and finds nothing.
    private static readonly string NoCode = new('U', 26);

    /// <param name="Code">The 26-character verification code or the 12-character short code; case, hyphens and spaces do not matter, I and L read as 1, O as 0.</param>
    public sealed record Query(string Code) : IQuery<CertificateVerification>;

    /// <param name="Status"><c>Unknown</c> when no certificate has this code; every other field is then null.</param>
    /// <param name="HolderName">The name printed on the certificate.</param>
    /// <param name="CourseTitle">The course, as titled when the certificate was issued.</param>
    /// <param name="CohortTitle">The cohort (session), as titled when issued.</param>
    /// <param name="OrganizationNames">The issuing organisation first, then the cohort's partners.</param>
    /// <param name="IssuedOn">The day it was issued (UTC).</param>
    /// <param name="RevokedOn">The day it was revoked (UTC), when it was.</param>
    /// <param name="Competencies">The competencies it attests.</param>
    public sealed record CertificateVerification(
        VerificationStatus Status, string? HolderName, string? CourseTitle, string? CohortTitle, IReadOnlyList<string>? OrganizationNames,
        DateOnly? IssuedOn, DateOnly? RevokedOn, IReadOnlyList<VerifiedCompetency>? Competencies);

    /// <param name="Code">The competency's code in the course.</param>
    /// <param name="Title">Its title.</param>
    public sealed record VerifiedCompetency(string Code, string Title);

    internal sealed class Validator : AbstractValidator<Query>
    {
        // Room for any typing of a code (separators included); past that it is no code, and 400 says so without a lookup.
        public Validator() => RuleFor(q => q.Code).MaximumLength(64);
    }

    internal sealed class Handler(CertificationDbContext db) : IQueryHandler<Query, CertificateVerification>
    {
        public async ValueTask<CertificateVerification> Handle(Query query, CancellationToken cancellationToken)
        {
            var code = Normalize(query.Code);
            var found = await CertificateOf(db, code, cancellationToken);
            return found is null
                ? new CertificateVerification(VerificationStatus.Unknown, null, null, null, null, null, null, null)
                : new CertificateVerification(
                    found.Status == CertificateStatus.Revoked ? VerificationStatus.Revoked : VerificationStatus.Valid,
                    found.HolderName, found.CourseTitle, found.CohortTitle, found.OrganizationNames,
                    DateOnly.FromDateTime(found.IssuedAt.UtcDateTime),
                    found.RevokedAt is { } revoked ? DateOnly.FromDateTime(revoked.UtcDateTime) : null,
                    [.. found.Competencies.Select(k => new VerifiedCompetency(k.Code, k.Title))]);
        }
    }

    // The one query of a public route anyone may call at will: compiled once, as every hot read (docs/performance.md).
    private static readonly Func<CertificationDbContext, string, CancellationToken, Task<Found?>> CertificateOf =
        EF.CompileAsyncQuery((CertificationDbContext db, string code, CancellationToken ct) =>
            db.Certificates.AsNoTracking()
                .Where(c => c.VerificationCode == code || c.ShortCode == code)
                .Select(c => new Found(c.Status, c.HolderName, c.CourseTitle, c.CohortTitle, c.OrganizationNames, c.IssuedAt, c.RevokedAt, c.Competencies))
                .FirstOrDefault());

    private sealed record Found(
        CertificateStatus Status, string HolderName, string CourseTitle, string CohortTitle, List<string> OrganizationNames,
        DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, List<AchievedCompetency> Competencies);

    /// <summary>A code as stored: upper case, without separators, with Crockford's look-alikes read as digits; <see cref="NoCode"/> when it cannot be one.</summary>
    internal static string Normalize(string typed)
    {
        var code = new StringBuilder(26);
        foreach (var ch in typed)
        {
            if (ch is '-' or ' ')
            {
                continue;
            }

            code.Append(char.ToUpperInvariant(ch) switch { 'I' or 'L' => '1', 'O' => '0', var c => c });
        }

        return code.Length is 26 or 12 && code.ToString().All(CertificateCodes.Alphabet.Contains) ? code.ToString() : NoCode;
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/verify/{code}", async (string code, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var verification = await sender.Send(new Query(code), ct);
                // A revocation must show at once: no cache keeps the old answer.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(verification);
            })
            .WithName("VerifyCertificate")
            .WithSummary("Check a certificate by its code: Valid, Revoked (with the date) or Unknown")
            .WithDescription("Anyone, no sign-in; the page the QR code opens calls it. `code` is the 26-character verification code (128 random bits) or the 12-character short code printed on the certificate, in Crockford's base32: case, hyphens and spaces are ignored, `I` and `L` read as `1`, `O` as `0`. An unknown or malformed code answers 200 with `status` `Unknown` and every other field null, after the same single lookup as a known one (beyond 64 characters it cannot be a code: 400 `validation-failed`). The fields are those the certificate shows; never an email, an account id or the revocation's reason. Its own rate limit per address (`RateLimiting:VerifyPermitsPerIp`, 30 a minute by default): 429 with `Retry-After` beyond. `Cache-Control: no-store`.")
            .AllowAnonymous()
            .RequireRateLimiting(CertificationModule.VerifyRateLimitPolicy)
            .Problems(ProblemType.TooManyRequests);
}
