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
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Applications;

/// <summary>
/// POST /cohorts/{cohortId}/applications/{applicationId}/decision: staff admit (taking a seat, or 409 cohort-full),
/// reject or waitlist a submitted or waitlisted application, with a note the applicant sees.
/// </summary>
internal static class DecideApplication
{
    public enum Decision
    {
        Admit,
        Reject,
        Waitlist,
    }

    /// <param name="Decision"><c>Admit</c> takes a seat (409 when none is left: waitlist instead); <c>Waitlist</c> queues the application; <c>Reject</c> ends it.</param>
    /// <param name="Note">Shown to the applicant with the decision.</param>
    public sealed record Request([property: System.ComponentModel.DataAnnotations.Required] Decision? Decision, string? Note);

    public sealed record Command(Guid CohortId, Guid ApplicationId, Decision? Decision, [property: MultiLine] string? Note) : ICommand<Response>;

    public sealed record Response(Guid ApplicationId, ApplicationStatus Status, string? DecisionNote, DateTimeOffset DecidedAt);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).NotNull().IsInEnum(); // required: a missing decision must not default to Admit
            RuleFor(c => c.Note).MaximumLength(2000);
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireAsync(command.CohortId, CohortCapability.DecideApplications, cancellationToken);

            // One transaction: the seat, the status and the outbox event commit together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == command.ApplicationId && a.CohortId == command.CohortId, cancellationToken)
                ?? throw ProblemException.NotFound("This application");
            application.EnsureDecidable();

            var now = clock.GetUtcNow();
            switch (command.Decision!.Value)
            {
                case Decision.Admit:
                    if (await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.UserId == application.ApplicantId, cancellationToken))
                    {
                        throw CohortProblems.AlreadyMember.Exception("The applicant already belongs to this cohort.");
                    }

                    await db.TakeAsync(command.CohortId, cancellationToken);
                    application.Admit(now);
                    break;
                case Decision.Reject:
                    application.Reject(now);
                    break;
                case Decision.Waitlist:
                    application.Waitlist(now);
                    break;
            }

            application.DecisionNote = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
            application.DecidedBy = me.Id;
            db.AddIntegrationEvent(new ApplicationDecided(command.CohortId, access.Title, application.Id, application.ApplicantId, application.Status, application.DecisionNote), now);
            if (application.Status == ApplicationStatus.Admitted)
            {
                // After the decision: subscribers (webhooks) hear of the admission, then of the enrolment it made.
                db.Enrol(command.CohortId, access.OrganizationId, application.ApplicantId, EnrollmentSource.Application, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Response(application.Id, application.Status, application.DecisionNote, now);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/applications/{applicationId:guid}/decision", async (Guid cohortId, Guid applicationId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, applicationId, request.Decision, request.Note), ct)))
            .WithName("DecideApplication")
            .WithSummary("Admit, reject or waitlist an application (trainers, org admins)")
            .WithDescription("Admitting takes a seat atomically: 409 cohort-full when none is left (waitlist instead).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.CohortFull, CohortProblems.ApplicationAlreadyDecided, CohortProblems.AlreadyMember);
}
