using System.Text.Json;
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
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Applications;

/// <summary>POST /cohorts/{cohortId}/applications: an eligible learner applies while the window is open; one live application per cohort.</summary>
internal static class ApplyToCohort
{
    /// <param name="Motivation">Why the learner applies, as they wrote it (several lines allowed).</param>
    /// <param name="Answers">Answers to the cohort's questions, by question (at most 20).</param>
    public sealed record Request(string Motivation, Dictionary<string, string>? Answers);

    public sealed record Command(Guid CohortId, [property: MultiLine] string Motivation, [property: MultiLine] Dictionary<string, string>? Answers) : ICommand<ApplicationResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Motivation).NotEmpty().MaximumLength(5000);
            RuleFor(c => c.Answers).MaxItems(20).WithMessage("At most 20 answers.");
            RuleForEach(c => c.Answers).ChildRules(a =>
            {
                a.RuleFor(x => x.Key).NotEmpty().MaximumLength(200);
                a.RuleFor(x => x.Value).NotNull().MaximumLength(2000);
            });
        }
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ApplicationResponse>
    {
        public async ValueTask<ApplicationResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireVisibleAsync(command.CohortId, cancellationToken);
            var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == command.CohortId)
                .Select(c => new { c.ApplicationsOpenAt, c.ApplicationsCloseAt, HasLive = c.Applications.Any(a => a.LiveApplicantId == me.Id), c.OrganizationSuspended })
                .FirstAsync(cancellationToken);
            if (access.Mode != AdmissionMode.Application)
            {
                throw CohortProblems.ApplicationsNotAccepted.Exception();
            }

            // Strangers no longer see it; someone who applied before (and withdrew) still does.
            if (cohort.OrganizationSuspended)
            {
                throw CohortProblems.ApplicationsNotAccepted.Exception("Its organisation is suspended: it takes no applications for now.");
            }

            if (access.Role is not null)
            {
                throw CohortProblems.AlreadyMember.Exception("You already belong to this cohort.");
            }

            var now = clock.GetUtcNow();
            if (cohort.ApplicationsOpenAt is not { } opens || cohort.ApplicationsCloseAt is not { } closes || now < opens || now >= closes)
            {
                throw CohortProblems.ApplicationWindowClosed.Exception(cohort.ApplicationsOpenAt, cohort.ApplicationsCloseAt);
            }

            if (cohort.HasLive)
            {
                throw CohortProblems.DuplicateApplication.Exception();
            }

            var application = new Application
            {
                CohortId = command.CohortId,
                ApplicantId = me.Id,
                LiveApplicantId = me.Id,
                Motivation = command.Motivation.Trim(),
                AnswersJson = JsonSerializer.Serialize(command.Answers ?? []),
                Status = ApplicationStatus.Submitted,
                SubmittedAt = now,
            };
            db.Applications.Add(application);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                throw CohortProblems.DuplicateApplication.Exception();
            }

            return new ApplicationResponse(application.Id, command.CohortId, access.Title, me.Id, null, application.Motivation,
                command.Answers ?? [], application.Status, null, now, null, null, application.UpdatedAt);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/applications", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var application = await sender.Send(new Command(cohortId, request.Motivation, request.Answers), ct);
                return TypedResults.Created("/api/v1/me/applications", application);
            })
            .WithName("ApplyToCohort")
            .WithSummary("Apply to a cohort with a motivation and answers (learner)")
            .WithDescription("Any signed-in person who sees the cohort and does not belong to it yet (404 otherwise). Only in `Application` cohorts whose organisation is not suspended (409 applications-not-accepted) and while the application window is open (409 application-window-closed); one live application per person (409 duplicate-application, withdraw it to apply again), 409 already-member for a member. No seat is taken until staff admit it.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound, CohortProblems.ApplicationsNotAccepted, CohortProblems.AlreadyMember, CohortProblems.ApplicationWindowClosed, CohortProblems.DuplicateApplication);
}
