using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.Modules.Certification.Features.Eligibility;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Issuance;

/// <summary>What issuing to all eligible learners did.</summary>
/// <param name="Issued">The certificates issued now.</param>
/// <param name="AlreadyCertified">Eligible learners who already held a valid certificate (nothing issued to them).</param>
internal sealed record CertificateBatch(IReadOnlyList<CohortCertificate> Issued, int AlreadyCertified);

/// <summary>
/// POST /cohorts/{cohortId}/certificates: staff issue a certificate to one eligible learner, or to every eligible learner at
/// once. Idempotent: a learner holds at most one valid certificate per cohort, which the filtered unique index guarantees
/// even under parallel requests (the loser of a race answers the winner's certificate). Each issue is a history event and a
/// <see cref="CertificateIssued"/> event in the same commit.
/// </summary>
internal static class IssueCertificates
{
    /// <param name="UserId">The learner to certify; or else <c>allEligible</c>.</param>
    /// <param name="AllEligible">true: every eligible learner who holds no valid certificate yet.</param>
    public sealed record Request(Guid? UserId, bool? AllEligible);

    /// <summary><c>Single</c> for one learner (<c>Created</c>: issued now), <c>Batch</c> for all eligible.</summary>
    public sealed record Outcome(CohortCertificate? Single, bool Created, CertificateBatch? Batch);

    public sealed record Command(Guid CohortId, Guid? UserId, bool AllEligible) : ICommand<Outcome>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.UserId).Must((c, userId) => userId is not null != c.AllEligible)
                .WithMessage("Name one learner (userId) or ask for all eligible learners (allEligible: true), not both.");
    }

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await sender.CertificationStaffAsync(command.CohortId, me.Id, cancellationToken);
            var assessed = await db.AssessAsync(sender, access, command.UserId is { } one ? [one] : null, withMastery: true, cancellationToken);
            if (command.UserId is { } userId)
            {
                var learner = assessed.Learners.SingleOrDefault() ?? throw ProblemException.NotFound("This learner");
                if (learner.Certificate is { Status: CertificateStatus.Valid } held)
                {
                    return new Outcome(await ReadAsync(held.Id, cancellationToken), false, null);
                }

                if (!learner.Eligible)
                {
                    throw CertificationProblems.NotEligible.Exception()
                        .With("unmet", learner.Unmet())
                        .With("missingAssignments", learner.MissingAssignments)
                        .With("missingCompetencies", learner.MissingCompetencies);
                }

                var (certificate, created) = await IssueAsync(await SnapshotAsync(access, cancellationToken), learner, assessed, cancellationToken);
                return new Outcome(certificate, created, null);
            }

            var eligible = assessed.Learners.Where(l => l.Eligible).ToList();
            var toCertify = eligible.Where(l => l.Certificate is not { Status: CertificateStatus.Valid }).ToList();
            var issued = new List<CohortCertificate>();
            if (toCertify.Count > 0)
            {
                var snapshot = await SnapshotAsync(access, cancellationToken);
                var batch = toCertify.Select(learner => Stage(snapshot, learner, assessed)).ToList();
                try
                {
                    // One commit for the whole batch: its statements do not grow with the number of learners' round trips.
                    await db.SaveChangesAsync(cancellationToken);
                    issued.AddRange(batch.Select(CohortCertificate.From));
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    // A parallel issuance certified some of them first: one by one, each answering the winner where it lost.
                    db.ChangeTracker.Clear();
                    foreach (var learner in toCertify)
                    {
                        var (certificate, created) = await IssueAsync(snapshot, learner, assessed, cancellationToken);
                        if (created)
                        {
                            issued.Add(certificate);
                        }
                    }
                }
            }

            return new Outcome(null, false, new CertificateBatch(issued, eligible.Count - issued.Count));
        }

        /// <summary>What every certificate of the cohort copies: three contract calls, whatever the number of learners.</summary>
        private async Task<Snapshot> SnapshotAsync(CohortAccessInfo access, CancellationToken ct)
        {
            var cohort = await sender.Send(new GetCohortCertificationFacts(access.CohortId), ct) ?? throw ProblemException.NotFound("This cohort");
            var course = await sender.Send(new GetCourse(cohort.CourseId), ct);
            var organizations = (await sender.Send(new GetOrganizations([cohort.OrganizationId, .. cohort.PartnerOrganizationIds]), ct)).ToDictionary(o => o.Id, o => o.Name);
            return new Snapshot(cohort, course?.Title ?? "",
                [.. new[] { cohort.OrganizationId }.Concat(cohort.PartnerOrganizationIds).Where(organizations.ContainsKey).Select(id => organizations[id])]);
        }

        /// <summary>A certificate, its history event and its integration event, added to the unit of work (not saved).</summary>
        private Certificate Stage(Snapshot snapshot, LearnerEligibility learner, CohortEligibility.Outcome assessed)
        {
            var now = clock.GetUtcNow();
            var certificate = new Certificate
            {
                CohortId = snapshot.Cohort.CohortId, HolderId = learner.UserId, IssuerOrganizationId = snapshot.Cohort.OrganizationId,
                HolderName = learner.DisplayName, CourseTitle = snapshot.CourseTitle, CohortTitle = snapshot.Cohort.Title,
                OrganizationNames = [.. snapshot.OrganizationNames], CohortStartsOn = snapshot.Cohort.StartsOn, CohortEndsOn = snapshot.Cohort.EndsOn,
                FinalGrade = learner.Criteria.FinalGrade.Value, Competencies = [.. assessed.Mastered.GetValueOrDefault(learner.UserId) ?? []],
                VerificationCode = CertificateCodes.VerificationCode(), ShortCode = CertificateCodes.ShortCode(),
                IssuedBy = me.Id, IssuedAt = now,
            };
            db.Certificates.Add(certificate);
            db.CertificateEvents.Add(new CertificateEvent
            {
                CertificateId = certificate.Id, CohortId = certificate.CohortId, HolderId = certificate.HolderId, Action = CertificateAction.Issued, ActorId = me.Id, At = now,
            });
            db.AddIntegrationEvent(new CertificateIssued(certificate.Id, certificate.CohortId, certificate.HolderId, certificate.CourseTitle, now), now);
            return certificate;
        }

        /// <summary>
        /// One certificate in its own commit. Losing the race to a parallel request is the filtered unique index's violation:
        /// this answers the certificate that won, never a second one.
        /// </summary>
        private async Task<(CohortCertificate Certificate, bool Created)> IssueAsync(Snapshot snapshot, LearnerEligibility learner, CohortEligibility.Outcome assessed, CancellationToken ct)
        {
            var certificate = Stage(snapshot, learner, assessed);
            try
            {
                await db.SaveChangesAsync(ct);
                return (CohortCertificate.From(certificate), true);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
                var winner = await db.Certificates.AsNoTracking()
                    .Where(c => c.CohortId == certificate.CohortId && c.HolderId == certificate.HolderId && c.Status == CertificateStatus.Valid)
                    .Select(CohortCertificate.Projection).FirstOrDefaultAsync(ct);
                // A code collision (2^-60 at worst) rather than a race: the caller may simply retry.
                return winner is null ? throw ProblemType.PreconditionFailed.Exception() : (winner, false);
            }
        }

        private async Task<CohortCertificate> ReadAsync(Guid id, CancellationToken ct) =>
            await db.Certificates.AsNoTracking().Where(c => c.Id == id).Select(CohortCertificate.Projection).SingleAsync(ct);
    }

    private sealed record Snapshot(CohortCertificationFacts Cohort, string CourseTitle, IReadOnlyList<string> OrganizationNames);

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/certificates", async Task<Results<Created<CohortCertificate>, Ok<CohortCertificate>, Ok<CertificateBatch>>> (
                Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var outcome = await sender.Send(new Command(cohortId, request.UserId, request.AllEligible == true), ct);
                return outcome switch
                {
                    { Batch: { } batch } => TypedResults.Ok(batch),
                    { Single: { } certificate, Created: true } => TypedResults.Created($"/api/v1/certificates/{certificate.Id}", certificate),
                    _ => TypedResults.Ok(outcome.Single!),
                };
            })
            .WithName("IssueCertificates")
            .WithSummary("Issue a certificate to one eligible learner, or to every eligible learner (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). `{userId}`: 201 with the new certificate (its `Location` is `GET /certificates/{id}`), or 200 with the valid one the learner already holds (idempotent, even under parallel requests); not a current learner 404; not eligible 409 `not-eligible` whose `unmet` extension lists the criteria missed with their figures. `{allEligible: true}`: 200 with the certificates issued now and how many eligible learners already held one. A certificate copies, when issued, the learner's name, the course and cohort titles and dates, the issuing organisation then the partners, the final grade and the competencies mastered; later changes (rules, names, grades) never alter it. After a revocation, issuing again makes a new certificate with new codes. Each issue is in the cohort's history and notifies the learner.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CertificationProblems.NotEligible, ProblemType.PreconditionFailed);
}
