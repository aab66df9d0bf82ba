using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>GET /cohorts/{cohortId}/skills/export?format=csv|xlsx: the whole matrix, one line per current learner, for the organisation's HR.</summary>
internal static class ExportCohortSkills
{
    /// <param name="Format"><c>csv</c> (default) or <c>xlsx</c>.</param>
    public sealed record Query(Guid CohortId, string Format) : IQuery<(byte[] Content, string ContentType, string FileName)>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Format).MaximumLength(4).Must(SkillsExport.IsFormat).WithMessage("Export as csv or xlsx.");
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, (byte[] Content, string ContentType, string FileName)>
    {
        public async ValueTask<(byte[] Content, string ContentType, string FileName)> Handle(Query query, CancellationToken cancellationToken)
        {
            var data = await CohortSkillsData.LoadAsync(db, sender, me, query.CohortId, clock.GetUtcNow(), cancellationToken);
            var language = (await sender.Send(new GetCourse(data.Access.CourseId), cancellationToken))?.Language ?? "fr";
            var french = language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
            var people = (await sender.Send(new GetUsers(data.Roster.LearnerIds), cancellationToken))
                .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Id).ToList();

            string[] headers = [
                french ? "Apprenant" : "Learner", "Email",
                .. data.Competencies.SelectMany(c => SkillsExport.CompetencyHeaders(c.Code, c.Title, data.Roster.LearnerIds.Select(id => data.Cell(id, c.Code).ActivitiesTotal).DefaultIfEmpty().Max(), french)),
            ];
            var rows = people.Select(p => (object?[])[p.DisplayName, p.Email, .. data.Competencies.SelectMany(c => SkillsExport.CompetencyCells(data.Cell(p.Id, c.Code)))]).ToList();
            return SkillsExport.Write(new SkillsExport.Sheet(french ? "Compétences" : "Skills", headers, rows), query.Format, language, "skills");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/skills/export", async (Guid cohortId, [FromQuery(Name = "format")] string? format, ISender sender, CancellationToken ct) =>
            {
                var (content, type, name) = await sender.Send(new Query(cohortId, format ?? "csv"), ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("ExportCohortSkills")
            .WithSummary("The whole skills matrix as a CSV or XLSX file for a spreadsheet (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). `format`: `csv` (default) or `xlsx` (anything else 400). One line per current learner, by name, with their email, then for each competency of the course three columns: the latest mastery (percent), the activities done on it out of the course's, and the date it was acquired (empty when not). CSV as the gradebook export: UTF-8 with a byte-order mark, CRLF, in the cohort's locale (French: `;` and a decimal comma, French headers; otherwise `,` and a point), and a text cell starting with `=`, `+`, `-` or `@` starts with `'`. XLSX: one sheet, numbers and dates as such, text cells as text.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<string>(StatusCodes.Status200OK, SkillsExport.CsvType.Split(';')[0], SkillsExport.XlsxType)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
