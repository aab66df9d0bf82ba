using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Certification.Features.Rules;

/// <summary>
/// PUT /cohorts/{cohortId}/certification/rules: staff set what a learner must reach to be certified. <c>If-Match</c> → 412 on
/// a stale copy (optional, as for the other editable resources). Certificates already issued are snapshots: never touched.
/// </summary>
internal static class UpdateCertificationRules
{
    /// <param name="MinFinalGrade">The least final grade, in percent (0 to 100, 2 decimals); null: not required.</param>
    /// <param name="MinCompletionPercent">The least share of the course's activities completed (0 to 100); null: not required.</param>
    /// <param name="MinAttendancePercent">The least attendance rate at live sessions (0 to 100); null: not required.</param>
    /// <param name="RequiredAssignmentIds">Published assignments of the cohort the learner must have passed (at most 50); empty or null: none.</param>
    /// <param name="RequiredCompetencyCodes">Codes of the course's competencies the learner must have mastered (at most 50, case ignored); empty or null: none.</param>
    public sealed record Request(decimal? MinFinalGrade, int? MinCompletionPercent, int? MinAttendancePercent, IReadOnlyList<Guid>? RequiredAssignmentIds, IReadOnlyList<string>? RequiredCompetencyCodes);

    public sealed record Command(Guid CohortId, string? IfMatch, decimal? MinFinalGrade, int? MinCompletionPercent, int? MinAttendancePercent,
        IReadOnlyList<Guid>? RequiredAssignmentIds, IReadOnlyList<string>? RequiredCompetencyCodes) : ICommand<CertificationRulesResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.MinFinalGrade).InclusiveBetween(0m, 100m).PrecisionScale(5, 2, true);
            RuleFor(c => c.MinCompletionPercent).InclusiveBetween(0, 100);
            RuleFor(c => c.MinAttendancePercent).InclusiveBetween(0, 100);
            RuleFor(c => c.RequiredAssignmentIds).MaxItems(50);
            RuleFor(c => c.RequiredCompetencyCodes).MaxItems(50);
            RuleForEach(c => c.RequiredCompetencyCodes).NotEmpty().MaximumLength(20);
        }
    }

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, CertificationRulesResponse>
    {
        public async ValueTask<CertificationRulesResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await sender.CertificationStaffAsync(command.CohortId, me.Id, cancellationToken);
            var assignmentIds = (command.RequiredAssignmentIds ?? []).Distinct().ToList();
            var codes = (command.RequiredCompetencyCodes ?? []).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var errors = new List<ValidationFailure>();
            if (assignmentIds.Count > 0)
            {
                var cohorts = (await sender.Send(new GetDueDatesOfCohort(command.CohortId), cancellationToken)).Select(a => a.AssignmentId).ToHashSet();
                errors.AddRange(assignmentIds.Where(id => !cohorts.Contains(id))
                    .Select(id => new ValidationFailure(nameof(Command.RequiredAssignmentIds), $"{id} is not a published assignment of this cohort.")));
            }

            var competencies = codes.Count == 0 ? [] : await sender.Send(new GetCourseCompetencies(access.CourseId), cancellationToken);
            // Kept as the course spells them, so that the screens and the certificates show the course's codes.
            codes = [.. codes.Select(code => competencies.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))?.Code ?? code)];
            errors.AddRange(codes.Where(code => !competencies.Any(c => c.Code == code))
                .Select(code => new ValidationFailure(nameof(Command.RequiredCompetencyCodes), $"{code} is not a competency of the cohort's course.")));
            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            var rules = await db.Rules.FirstOrDefaultAsync(r => r.CohortId == command.CohortId, cancellationToken);
            var first = rules is null;
            if (rules is null)
            {
                rules = CertificationRulesResponse.None(command.CohortId);
                db.Rules.Add(rules);
            }

            db.Expect(rules, command.IfMatch);
            rules.MinFinalGrade = command.MinFinalGrade;
            rules.MinCompletionPercent = command.MinCompletionPercent;
            rules.MinAttendancePercent = command.MinAttendancePercent;
            rules.RequiredAssignmentIds = assignmentIds;
            rules.RequiredCompetencyCodes = codes;
            rules.UpdatedBy = me.Id;
            rules.UpdatedAt = clock.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            // Someone else's first rules got in first: this caller set them without seeing theirs.
            catch (DbUpdateException e) when (first && e.IsUniqueViolation())
            {
                throw ProblemException.PreconditionFailed();
            }

            return CertificationRulesResponse.From(rules, saved: true);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/cohorts/{cohortId:guid}/certification/rules", async (Guid cohortId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, ifMatch, request.MinFinalGrade, request.MinCompletionPercent, request.MinAttendancePercent,
                    request.RequiredAssignmentIds, request.RequiredCompetencyCodes), ct)))
            .WithName("UpdateCertificationRules")
            .WithSummary("Set the cohort's certification rules (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). Replaces the whole rules; every criterion is optional (null or empty: not required): `minFinalGrade` 0-100 (2 decimals), `minCompletionPercent` 0-100, `minAttendancePercent` 0-100, `requiredAssignmentIds` (published assignments of this cohort, at most 50), `requiredCompetencyCodes` (competencies of the cohort's course, case ignored, at most 50). An unknown assignment or competency is a 400 naming the field. Certificates already issued are not touched. Send the `ETag` of GET as `If-Match` (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
