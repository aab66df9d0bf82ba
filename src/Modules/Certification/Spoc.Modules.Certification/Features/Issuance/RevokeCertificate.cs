using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Issuance;

/// <summary>
/// POST /certificates/{certificateId}/revoke: staff of its cohort revoke a valid certificate, with a reason. One conditional
/// update (Valid → Revoked), so of two parallel revocations one wins and the other is a 409; the history event and the
/// <see cref="CertificateRevoked"/> event commit with it.
/// </summary>
internal static class RevokeCertificate
{
    /// <param name="Reason">Why it is revoked (1 to 500 characters): kept in the history.</param>
    public sealed record Request(string Reason);

    public sealed record Command(Guid CertificateId, string Reason) : ICommand<CohortCertificate>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, CohortCertificate>
    {
        public async ValueTask<CohortCertificate> Handle(Command command, CancellationToken cancellationToken)
        {
            // Whoever may not even read it gets the 404 of an unknown id; those who read it without managing the cohort, 403.
            var found = await db.ReadableCertificateAsync(sender, me.Id, command.CertificateId, cancellationToken);
            await sender.CertificationStaffAsync(found.CohortId, me.Id, cancellationToken);

            var now = clock.GetUtcNow();
            var reason = command.Reason.Trim();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var revoked = await db.Certificates
                .Where(c => c.Id == command.CertificateId && c.Status == CertificateStatus.Valid)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.Status, CertificateStatus.Revoked)
                    .SetProperty(c => c.RevokedBy, me.Id)
                    .SetProperty(c => c.RevokedAt, now)
                    .SetProperty(c => c.RevocationReason, reason)
                    .SetProperty(c => c.UpdatedAt, now), cancellationToken); // a bulk update: the save's stamp does not see it
            if (revoked == 0)
            {
                throw CertificationProblems.CertificateRevoked.Exception();
            }

            db.CertificateEvents.Add(new CertificateEvent
            {
                CertificateId = command.CertificateId, CohortId = found.CohortId, HolderId = found.HolderId, Action = CertificateAction.Revoked, ActorId = me.Id, At = now, Reason = reason,
            });
            db.AddIntegrationEvent(new CertificateRevoked(command.CertificateId, found.CohortId, found.HolderId, reason, now), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return await db.Certificates.AsNoTracking().Where(c => c.Id == command.CertificateId).Select(CohortCertificate.Projection).SingleAsync(cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/certificates/{certificateId:guid}/revoke", async (Guid certificateId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(certificateId, request.Reason), ct)))
            .WithName("RevokeCertificate")
            .WithSummary("Revoke a certificate, with a reason (trainers, org admins of its cohort)")
            .WithDescription("Requires `ActOnAllLearners` in the certificate's cohort (mentors, learners and a partner's admin 403; anyone outside the cohort, or an unknown certificate, 404). `reason` is required (at most 500 characters) and kept in the history with who revoked it and when. Already revoked: 409 `certificate-revoked`. Public verification then answers Revoked with the date. The learner may be certified again afterwards: `POST /cohorts/{cohortId}/certificates` makes a new certificate with new codes.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CertificationProblems.CertificateRevoked);
}
