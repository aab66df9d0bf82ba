using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features.Pacing;

/// <summary>
/// PUT /cohorts/{cohortId}/members/{userId}/pacing: trainers, org admins and the learner's mentor set one learner's personal pacing, replacing the previous one:
/// due-date shifts in days (for one activity, or all with no activityId) and extra resources only that learner sees.
/// <c>If-Match</c> (the ETag of GET pacing) → 412 when someone else changed it meanwhile.
/// </summary>
internal static class SetPacing
{
    public sealed record Shift(Guid? ActivityId, int Days);

    public sealed record ExtraInput(string Title, string? Url, [property: MultiLine] string? Content);

    public sealed record Request(IReadOnlyList<Shift>? Shifts, IReadOnlyList<ExtraInput>? ExtraResources);

    public sealed record Command(Guid CohortId, Guid UserId, string? IfMatch, IReadOnlyList<Shift>? Shifts, IReadOnlyList<ExtraInput>? ExtraResources) : ICommand<Guid>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Shifts).Must(s => s is null || s.Count <= 200);
            RuleForEach(c => c.Shifts).NotNull().ChildRules(s => s.RuleFor(x => x.Days).InclusiveBetween(-60, 365));
            RuleFor(c => c.ExtraResources).Must(r => r is null || r.Count <= 50);
            RuleForEach(c => c.ExtraResources).NotNull().ChildRules(r =>
            {
                r.RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
                r.RuleFor(x => x.Url).HttpUrl();
                r.RuleFor(x => x.Content).MaximumLength(20_000);
            });
        }
    }

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        /// <returns>The pacing's new version.</returns>
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(command.CohortId, me.Id, cancellationToken);
            if (!access.CanActOn(command.UserId))
            {
                throw ProblemException.Forbidden("Only trainers, org admins and the learner's own mentor adjust a learner's pacing.");
            }

            var learner = await sender.Send(new GetCohortAccess(command.CohortId, command.UserId), cancellationToken);
            if (learner?.Role != CohortRole.Learner)
            {
                throw ProblemException.NotFound("This learner");
            }

            var activityIds = (command.Shifts ?? []).Where(s => s.ActivityId is not null).Select(s => s.ActivityId!.Value).Distinct().ToList();
            var known = await db.Set<Activity>().CountAsync(a => a.CourseId == access.CourseId && activityIds.Contains(a.Id), cancellationToken);
            if (known != activityIds.Count)
            {
                throw Rules.Invalid("Shifts", "Every activityId must be an activity of this cohort's course.");
            }

            var pacing = await db.Pacings.FirstOrDefaultAsync(p => p.CohortId == command.CohortId && p.UserId == command.UserId, cancellationToken)
                ?? db.Pacings.Add(new LearnerPacing { CohortId = command.CohortId, UserId = command.UserId }).Entity;
            db.Expect(pacing, command.IfMatch);
            var now = clock.GetUtcNow();
            pacing.UpdatedAt = now;

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.PacingShifts.Where(p => p.CohortId == command.CohortId && p.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
            await db.ExtraResources.Where(r => r.CohortId == command.CohortId && r.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
            db.PacingShifts.AddRange((command.Shifts ?? []).Select(s => new PacingShift { CohortId = command.CohortId, UserId = command.UserId, ActivityId = s.ActivityId, Days = s.Days }));
            db.ExtraResources.AddRange((command.ExtraResources ?? []).Select(r => new ExtraResource
            {
                CohortId = command.CohortId, UserId = command.UserId, Title = r.Title.Trim(), Url = r.Url, ContentMarkdown = r.Content ?? "", ContentHtml = Markdown.ToSafeHtml(r.Content),
            }));
            db.AddIntegrationEvent(new PacingChanged(command.CohortId, command.UserId), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return pacing.Version;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}/members/{userId:guid}/pacing", async (Guid cohortId, Guid userId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.ETag = ETags.Of(await sender.Send(new Command(cohortId, userId, ifMatch, request.Shifts, request.ExtraResources), ct));
                return TypedResults.NoContent();
            })
            .WithName("SetPacing")
            .WithSummary("Set a learner's personal due-date shifts and extra resources (trainers, org admins, the learner's mentor)")
            .WithDescription("Replaces the learner's pacing as a whole: at most 200 shifts of -60..365 days (each for an activity of the cohort's course, or for every activity when `activityId` is null) and at most 50 extra resources (title, optional http(s) link, Markdown content rendered safely) that only this learner sees. Send the `ETag` of GET pacing as `If-Match`: a stale one is 412. Answers the new `ETag`. Trainers, org admins and the learner's own mentor.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
