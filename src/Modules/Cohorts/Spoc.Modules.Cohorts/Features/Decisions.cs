using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features;

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
            if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Waitlisted))
            {
                throw ProblemException.Conflict("application-already-decided", "Already decided", $"This application is {application.Status}.");
            }

            var now = clock.GetUtcNow();
            switch (command.Decision!.Value)
            {
                case Decision.Admit:
                    if (await db.Members.AnyAsync(m => m.CohortId == command.CohortId && m.UserId == application.ApplicantId, cancellationToken))
                    {
                        throw ProblemException.Conflict("already-member", "Already a member", "The applicant already belongs to this cohort.");
                    }

                    await db.TakeAsync(command.CohortId, cancellationToken);
                    application.MoveTo(ApplicationStatus.Admitted, now);
                    db.Enrol(command.CohortId, access.OrganizationId, application.ApplicantId, EnrollmentSource.Application, now);
                    break;
                case Decision.Reject:
                    application.MoveTo(ApplicationStatus.Rejected, now);
                    break;
                case Decision.Waitlist:
                    application.WaitlistedAt ??= now;
                    application.MoveTo(ApplicationStatus.Waitlisted, now);
                    break;
            }

            application.DecisionNote = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
            application.DecidedBy = me.Id;
            db.AddIntegrationEvent(new ApplicationDecided(command.CohortId, access.Title, application.Id, application.ApplicantId, application.Status, application.DecisionNote), now);
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
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>
/// POST /cohorts/{cohortId}/applications/{applicationId}/withdraw: the applicant withdraws. If they were admitted they
/// leave the cohort, and their seat goes to the head of the waitlist.
/// </summary>
internal static class WithdrawApplication
{
    public sealed record Command(Guid CohortId, Guid ApplicationId) : ICommand;

    internal sealed class Handler(CohortsDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var application = await db.Applications.Include(a => a.Cohort)
                .FirstOrDefaultAsync(a => a.Id == command.ApplicationId && a.CohortId == command.CohortId && a.ApplicantId == me.Id, cancellationToken)
                ?? throw ProblemException.NotFound("This application");
            if (application.Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
            {
                throw ProblemException.Conflict("application-already-decided", "Already closed", $"This application is {application.Status}.");
            }

            var now = clock.GetUtcNow();
            if (application.Status == ApplicationStatus.Admitted
                && await db.Members.FirstOrDefaultAsync(m => m.CohortId == command.CohortId && m.UserId == me.Id, cancellationToken) is { } membership)
            {
                await db.LeaveAsync(membership, application.Cohort.OrganizationId, application.Cohort.Title, now, cancellationToken);
            }

            application.MoveTo(ApplicationStatus.Withdrawn, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/applications/{applicationId:guid}/withdraw", async (Guid cohortId, Guid applicationId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(cohortId, applicationId), ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw one's own application; an admitted learner leaves the cohort")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
