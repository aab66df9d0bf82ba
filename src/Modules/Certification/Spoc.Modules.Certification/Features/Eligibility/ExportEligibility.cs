using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.Certification.Features.Eligibility;

/// <summary>
/// GET /cohorts/{cohortId}/certification/eligibility.csv: the eligibility table as a spreadsheet opens it, in the cohort's
/// locale, as Assessment's gradebook export writes it (UTF-8 with a BOM, CRLF, no cell a spreadsheet would run as a formula).
/// </summary>
internal static class ExportEligibility
{
    public sealed record Query(Guid CohortId) : IQuery<byte[]>;

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await GetEligibility.VisibleAsync(db, sender, query.CohortId, me.Id, cancellationToken);
            var access = await sender.Send(new GetCohortAccess(query.CohortId, me.Id), cancellationToken);
            var language = (await sender.Send(new GetCourse(access!.CourseId), cancellationToken))?.Language ?? "fr";
            return Csv([.. rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.UserId)], language);
        }
    }

    /// <summary>French: <c>;</c> and a decimal comma, French headers; any other language: <c>,</c> and a decimal point, English headers.</summary>
    public static byte[] Csv(IReadOnlyList<LearnerEligibility> rows, string language)
    {
        var csv = new SpreadsheetCsv(language);
        var french = csv.French;
        void Line(IEnumerable<string> cells) => csv.Line(cells);
        string Number(decimal? value) => csv.Number(value);

        Line(french
            ? ["Apprenant", "Note (%)", "Note requise", "Complétion (%)", "Complétion requise", "Assiduité (%)", "Assiduité requise", "Devoirs réussis", "Devoirs requis", "Compétences maîtrisées", "Compétences requises", "Éligible", "Certificat"]
            : ["Learner", "Grade (%)", "Grade required", "Completion (%)", "Completion required", "Attendance (%)", "Attendance required", "Assignments passed", "Assignments required", "Competencies mastered", "Competencies required", "Eligible", "Certificate"]);
        foreach (var row in rows)
        {
            var c = row.Criteria;
            Line([
                csv.Text(row.DisplayName),
                Number(c.FinalGrade.Value), Number(c.FinalGrade.Threshold),
                Number(c.Completion.Value), Number(c.Completion.Threshold),
                Number(c.Attendance.Value), Number(c.Attendance.Threshold),
                Number(c.Assignments.Value), Number(c.Assignments.Threshold),
                Number(c.Competencies.Value), Number(c.Competencies.Threshold),
                csv.YesNo(row.Eligible),
                row.Certificate?.Status.ToString() ?? "",
            ]);
        }

        return csv.ToBytes();
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/certification/eligibility.csv", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.File(await sender.Send(new Query(cohortId), ct), "text/csv; charset=utf-8", "eligibility.csv"))
            .WithName("ExportCertificationEligibility")
            .WithSummary("The eligibility table as a CSV file for a spreadsheet (trainers, org admins; a mentor: their own learners)")
            .WithDescription("Who may read `GET .../certification/eligibility` (learners and a partner's admin 403; outsiders 404), every row, by name (not paged): per criterion the learner's figure and what the rules require (empty: not required), whether they are eligible, and their certificate's status. UTF-8 with a byte-order mark, lines ending in CRLF (RFC 4180); in the cohort's locale (its course's language): French uses `;` and a decimal comma with French headers, any other language `,` and a decimal point with English headers. A text cell starting with `=`, `+`, `-` or `@` starts with `'` instead.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
