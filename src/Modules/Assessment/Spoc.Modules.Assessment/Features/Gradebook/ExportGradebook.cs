using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.Assessment.Features.Gradebook;

/// <summary>
/// GET /cohorts/{cohortId}/gradebook.csv: the whole gradebook for trainers and org admins, as a spreadsheet opens it: UTF-8
/// with a BOM (Excel reads it as UTF-8 then), the separators of the cohort's locale (its course's language), and no cell
/// a spreadsheet would run as a formula.
/// </summary>
internal static class ExportGradebook
{
    public sealed record Query(Guid CohortId) : IQuery<byte[]>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            if (!access.Can(CohortCapability.ActOnAllLearners))
            {
                throw ProblemException.Forbidden("Only the cohort's trainers and org admins export its gradebook.");
            }

            var (learners, _) = await GetGradebook.VisibleLearnersAsync(sender, access, me.Id, null, cancellationToken);
            var now = clock.GetUtcNow();
            var sheet = await GradebookSheet.LoadAsync(db, query.CohortId, now, cancellationToken);
            var rows = await sheet.RowsAsync(db, sender, query.CohortId, access.TimeZone, learners, now, cancellationToken);
            var language = (await sender.Send(new GetCourse(access.CourseId), cancellationToken))?.Language ?? "fr";
            return Csv(sheet, rows, language);
        }
    }

    /// <summary>
    /// French: <c>;</c> between cells and a decimal comma, as a French Excel expects; any other language: <c>,</c> and a
    /// decimal point. Written out rather than read from the culture, which a server without ICU data does not know. Lines
    /// end with CRLF (RFC 4180).
    /// </summary>
    public static byte[] Csv(GradebookSheet sheet, IReadOnlyList<GradebookRow> rows, string language)
    {
        var csv = new SpreadsheetCsv(language);
        var french = csv.French;
        void Line(IEnumerable<string> cells) => csv.Line(cells);
        string Text(string value) => csv.Text(value);
        string Number(decimal? value) => csv.Number(value);

        Line([
            Text(french ? "Apprenant" : "Learner"),
            .. sheet.Columns.Select(c => Text($"{c.Title} (/{Number(c.MaxPoints)})")),
            .. sheet.Policy.Categories.Select(c => Text($"{c.Name} ({Number(c.Weight)} %)")),
            Text(french ? "Note (%)" : "Grade (%)"),
            Text(french ? "Réussi" : "Passed"),
        ]);
        foreach (var row in rows)
        {
            Line([
                Text(row.DisplayName),
                .. row.Cells.Select(c => Number(c.Score)),
                .. row.Categories.Select(c => Number(c.Grade)),
                Number(row.Grade),
                row.Passed is { } passed ? csv.YesNo(passed) : "",
            ]);
        }

        return csv.ToBytes();
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/gradebook.csv", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.File(await sender.Send(new Query(cohortId), ct), "text/csv; charset=utf-8", "gradebook.csv"))
            .WithName("ExportGradebook")
            .WithSummary("The whole gradebook as a CSV file for a spreadsheet (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors and learners 403; outsiders 404). Every learner, by name (not paged): one line each with their name, the points that count per assignment (as in `GET .../gradebook`), their subtotal per category, their grade (percent) and whether they pass. UTF-8 with a byte-order mark, lines ending in CRLF; in the cohort's locale (its course's language): French uses `;` between cells and a decimal comma, with French headers; any other language `,` and a decimal point, with English headers. A text cell starting with `=`, `+`, `-` or `@` starts with `'` instead, so that no spreadsheet runs it as a formula.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.GradesRead)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
