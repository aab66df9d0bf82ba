using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.Modules.FollowUp.Features.Signals;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Rules;

/// <summary>
/// PUT /cohorts/{cohortId}/follow-up/rules: staff tune the cohort's risk rules; every learner of the cohort is re-evaluated
/// in the same commit, so the dashboard never shows levels from the old rules beside the new ones.
/// </summary>
internal static class UpdateRiskRules
{
    /// <param name="Rules">Every rule to keep, each kind at most once; a kind left out is off.</param>
    public sealed record Request(IReadOnlyList<RiskRuleItem> Rules);

    public sealed record Command(Guid CohortId, string? IfMatch, IReadOnlyList<RiskRuleItem> Rules) : ICommand<RiskRulesResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Rules).NotNull().Must(r => r.Where(x => x is not null).Select(x => x.Kind).Distinct().Count() == r.Count(x => x is not null))
                .WithMessage("Each rule kind at most once.");
            RuleForEach(c => c.Rules).NotNull();
            RuleForEach(c => c.Rules).ChildRules(rule =>
            {
                rule.RuleFor(r => r.Kind).IsInEnum();
                rule.RuleFor(r => r.WatchFrom).InclusiveBetween(0m, 1000m).PrecisionScale(6, 2, true);
                rule.RuleFor(r => r.AtRiskFrom).InclusiveBetween(0m, 1000m).PrecisionScale(6, 2, true);
                rule.RuleFor(r => r).Must(r => !r.Enabled || r.WatchFrom is not null || r.AtRiskFrom is not null)
                    .WithName("watchFrom").WithMessage("An enabled rule needs a threshold for at least one level.");
                rule.RuleFor(r => r).Must(r => r.Kind != RiskRuleKind.GradeBelow || (r.WatchFrom ?? 0) <= 100 && (r.AtRiskFrom ?? 0) <= 100)
                    .WithName("watchFrom").WithMessage("A grade threshold is a percentage (0 to 100).");
                // At risk is the stronger level: further than "to watch" in the rule's direction.
                rule.RuleFor(r => r).Must(r => r.WatchFrom is not { } w || r.AtRiskFrom is not { } a || (r.Kind == RiskRuleKind.GradeBelow ? a <= w : a >= w))
                    .WithName("atRiskFrom").WithMessage("The at-risk threshold must be beyond the watch threshold (above it; below it for GradeBelow).");
            });
        }
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, RiskRulesResponse>
    {
        public async ValueTask<RiskRulesResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.FollowUpStaffAsync(command.CohortId, me.Id, cancellationToken);
            var rules = await db.RiskRules.FirstOrDefaultAsync(r => r.CohortId == command.CohortId, cancellationToken);
            var first = rules is null;
            if (rules is null)
            {
                rules = RiskRulesResponse.Defaults(command.CohortId);
                db.RiskRules.Add(rules);
            }

            db.Expect(rules, command.IfMatch);
            var now = clock.GetUtcNow();
            rules.Rules = [.. command.Rules.Select(r => new RiskRule { Kind = r.Kind, Enabled = r.Enabled, WatchFrom = r.WatchFrom, AtRiskFrom = r.AtRiskFrom })];
            rules.UpdatedBy = me.Id;
            rules.UpdatedAt = now;
            var changed = (await db.Signals.Where(s => s.CohortId == command.CohortId && s.Active).ToListAsync(cancellationToken))
                .Where(s => SignalsEvaluation.Reevaluate(s, rules.Rules, now)).ToList();

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            // Someone else's first rules got in first: this caller tuned them without seeing theirs.
            catch (DbUpdateException e) when (first && e.IsUniqueViolation())
            {
                throw ProblemException.PreconditionFailed();
            }

            if (changed.Count > 0)
            {
                await sender.PushLevelsChangedAsync(command.CohortId, changed.Select(s => s.MentorId), null, cancellationToken);
            }

            return RiskRulesResponse.From(rules, saved: true);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}/follow-up/rules", async (Guid cohortId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, ifMatch, request.Rules), ct)))
            .WithName("UpdateRiskRules")
            .WithSummary("Tune the cohort's risk rules (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). Replaces the whole set: each kind at most once, a kind left out is off; an enabled rule needs `watchFrom` or `atRiskFrom` (0 to 1000, 2 decimals; percent for `GradeBelow`), and at risk lies beyond watch (above it, below it for `GradeBelow`). Every current learner of the cohort is re-evaluated in the same commit. Send the `ETag` of GET as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
