using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>GET /organizations/{organizationId}/skills/export?format=csv|xlsx: every employee's skills in every cohort, one line per competency, for HR.</summary>
internal static class ExportOrganizationSkills
{
    /// <param name="Format"><c>csv</c> (default) or <c>xlsx</c>.</param>
    public sealed record Query(Guid OrganizationId, string Format) : IQuery<(byte[] Content, string ContentType, string FileName)>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Format).MaximumLength(4).Must(SkillsExport.IsFormat).WithMessage("Export as csv or xlsx.");
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, (byte[] Content, string ContentType, string FileName)>
    {
        public async ValueTask<(byte[] Content, string ContentType, string FileName)> Handle(Query query, CancellationToken cancellationToken)
        {
            var data = await OrganizationSkillsData.LoadAsync(db, sender, me, query.OrganizationId, cancellationToken);

            // The organisation has no language of its own: the file speaks the admin's.
            var language = (await sender.Send(new GetUsers([me.Id]), cancellationToken)).FirstOrDefault()?.PreferredLanguage ?? "fr";
            var french = language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
            string[] headers = french
                ? ["Apprenant", "Email", "Cohorte", "Compétence", "Maîtrise (%)", "Activités faites", "Activités", "Acquise le"]
                : ["Learner", "Email", "Cohort", "Competency", "Mastery (%)", "Activities done", "Activities", "Acquired on"];
            var rows = data.Employees
                .SelectMany(u => data.Rows[u.Id].OrderBy(r => data.TitleOf(r.CohortId), StringComparer.CurrentCultureIgnoreCase).Select(r => (object?[])[
                    u.DisplayName, u.Email, data.TitleOf(r.CohortId), r.CompetencyCode, r.Mastery, r.ActivitiesDone, r.ActivitiesTotal,
                    r.AcquiredAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null]))
                .ToList();
            return SkillsExport.Write(new SkillsExport.Sheet(french ? "Compétences" : "Skills", headers, rows), query.Format, language, "employee-skills");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{organizationId:guid}/skills/export", async (Guid organizationId, [FromQuery(Name = "format")] string? format, ISender sender, CancellationToken ct) =>
            {
                var (content, type, name) = await sender.Send(new Query(organizationId, format ?? "csv"), ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("ExportOrganizationSkills")
            .WithSummary("The organisation's employees' skills as a CSV or XLSX file for HR (its org admins)")
            .WithDescription("An `OrgAdmin` of the organisation (or the platform admin); its other members 403, anyone else 404. `format`: `csv` (default) or `xlsx` (anything else 400). One line per employee, cohort and competency (employees by name): the cohort's title, the competency's code, the latest mastery (percent), the activities done on it and the course's, the date it was acquired (empty when not). Only the organisation's own members, never another organisation's learners of a shared cohort. In the admin's language (French: `;` and a decimal comma, French headers; otherwise `,` and a point); CSV and XLSX as GET /cohorts/{cohortId}/skills/export writes them.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<string>(StatusCodes.Status200OK, SkillsExport.CsvType.Split(';')[0], SkillsExport.XlsxType)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
