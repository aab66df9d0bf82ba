using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Assessment.Features.Gradebook;

/// <summary>PUT /cohorts/{cohortId}/gradebook/policy: trainers and org admins set how the cohort's grades add up. <c>If-Match</c> → 412 on a stale copy.</summary>
internal static class UpdateGradebookPolicy
{
    /// <param name="Categories">0 to 20 categories (required; may be empty) with distinct names whose weights add up to 100; none: every assignment counts by its points.</param>
    /// <param name="PassMark">The grade (percent, 0 to 100) from which a learner passes; 50 when omitted.</param>
    /// <param name="MissingCountsAsZero">Whether work not handed in by the learner's own due date counts as 0.</param>
    public sealed record Request(IReadOnlyList<GradebookCategory> Categories, decimal? PassMark, bool MissingCountsAsZero);

    public sealed record Command(Guid CohortId, string? IfMatch, IReadOnlyList<GradebookCategory>? Categories, decimal? PassMark, bool MissingCountsAsZero) : ICommand<GradebookPolicyResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Categories).NotNull().MaxItems(20);
            RuleForEach(c => c.Categories).ChildRules(category =>
            {
                category.RuleFor(x => x.Name).NotEmpty().MaximumLength(50);
                category.RuleFor(x => x.Weight).InclusiveBetween(0m, 100m).PrecisionScale(5, 2, true);
                category.RuleFor(x => x.DropLowest).InclusiveBetween(0, 50);
            });
            RuleFor(c => c.Categories)
                .Must(list => list is null || list.Count == 0 || list.Sum(x => x.Weight) == 100m)
                .WithMessage("The categories' weights must add up to 100.")
                .Must(list => list is null || list.Select(x => x.Name?.Trim().ToUpperInvariant()).Distinct().Count() == list.Count)
                .WithMessage("Each category is named once (case ignored).");
            RuleFor(c => c.PassMark).InclusiveBetween(0m, 100m).PrecisionScale(5, 2, true);
        }
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, GradebookPolicyResponse>
    {
        public async ValueTask<GradebookPolicyResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await GetGradebookPolicy.RequireManagerAsync(sender, command.CohortId, me.Id, cancellationToken);
            var policy = await db.GradebookPolicies.FirstOrDefaultAsync(p => p.CohortId == command.CohortId, cancellationToken);
            var first = policy is null;
            if (policy is null)
            {
                // The default's version: the ETag read from GET before any policy existed matches this first write.
                policy = GradebookPolicy.DefaultFor(command.CohortId);
                db.GradebookPolicies.Add(policy);
            }

            db.Expect(policy, command.IfMatch);
            policy.Categories = [.. (command.Categories ?? []).Select(c => c with { Name = c.Name.Trim() })];
            policy.PassMark = command.PassMark ?? GradebookPolicy.DefaultPassMark;
            policy.MissingCountsAsZero = command.MissingCountsAsZero;
            policy.UpdatedAt = clock.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            // Someone else's first policy got in first: this caller set it without seeing theirs.
            catch (DbUpdateException e) when (first && e.IsUniqueViolation())
            {
                throw ProblemException.PreconditionFailed();
            }

            return GradebookPolicyResponse.From(policy);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}/gradebook/policy", async (Guid cohortId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, ifMatch, request.Categories, request.PassMark, request.MissingCountsAsZero), ct)))
            .WithName("UpdateGradebookPolicy")
            .WithSummary("Set the cohort's gradebook policy (trainers, org admins)")
            .WithDescription("Requires `ManageAssignments` (mentors and learners 403; outsiders 404). Replaces the whole policy: `categories` (at most 20, distinct names matched case-insensitively against the assignments' `category`, weights 0-100 adding up to exactly 100, `dropLowest` 0-50: that many of a learner's lowest results in the category do not count, one always does), or none for a grade by points; `passMark` 0-100 (default 50); `missingCountsAsZero`. Assignments whose category the policy does not list do not count. Send its `ETag` as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
