using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using nietras.SeparatedValues;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Members;

/// <summary>
/// POST /cohorts/{cohortId}/enrolments/bulk: the enrolment of employees from an HR export, a CSV file or JSON, with a dry
/// run that reports per row what would happen and changes nothing. The rules are <see cref="EnrolEmployees"/>'s.
/// </summary>
internal static class EnrolInBulk
{
    public const string CsvContentType = "text/csv";

    /// <summary>An HR export of a few hundred rows is far below this; anything bigger is not one.</summary>
    private const long MaxBodyBytes = 256 * 1024;

    public enum Outcome
    {
        Enrolled,
        WouldEnrol,
        AlreadyMember,
        NotFound,
        CohortFull,
        Invalid,
        Duplicate,
    }

    /// <param name="Emails">Accounts of the caller's organisation, one per row, at most 200.</param>
    public sealed record Request(IReadOnlyList<string> Emails);

    /// <param name="LineNumbers">Each email's line in the CSV; absent for JSON, where a row is its position in the list.</param>
    public sealed record Command(Guid CohortId, IReadOnlyList<string> Emails, IReadOnlyList<int>? LineNumbers, bool DryRun) : ICommand<Response>
    {
        public IEnumerable<(int Row, string Email)> Rows => Emails.Select((email, i) => (LineNumbers?[i] ?? i + 1, email));
    }

    /// <param name="Row">The CSV's line number (the header is line 1), or the 1-based position in the JSON list.</param>
    /// <param name="Outcome"><c>WouldEnrol</c> in a dry run where a real call would enrol; <c>Invalid</c>: not an email; <c>Duplicate</c>: an earlier row has it.</param>
    /// <param name="UserId">The account, when one is within reach.</param>
    /// <param name="Error">Why an <c>Invalid</c> or <c>Duplicate</c> row was skipped.</param>
    public sealed record Result(int Row, string Email, Outcome Outcome, Guid? UserId, string? Error);

    /// <param name="Enrolled">How many took a seat now; in a dry run, how many would.</param>
    /// <param name="Results">One per row, in the order sent.</param>
    public sealed record Response(bool DryRun, int Enrolled, IReadOnlyList<Result> Results);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Emails).NotEmpty().WithMessage("No row to enrol.")
                .Must(l => l.Count <= CohortSettingsValidator.MaxCapacity).WithMessage("At most 200 rows at once.");
            RuleForEach(c => c.Emails).MaximumLength(1000);
            RuleFor(c => c.LineNumbers).Must((c, lines) => lines is null || lines.Count == c.Emails.Count);
        }
    }

    /// <summary>A row's email, by the rule every other email field follows; one that breaks it is that row's <c>Invalid</c>, not the call's 400.</summary>
    private static readonly InlineValidator<string> Email = new() { v => v.RuleFor(e => e).ValidEmail().OverridePropertyName("email") };

    internal sealed class Handler(ISender sender) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var skipped = new Dictionary<int, Result?>();
            foreach (var (row, email) in command.Rows)
            {
                skipped[row] = !Email.Validate(email).IsValid ? new Result(row, email, Outcome.Invalid, null, "Not an email address.")
                    : !firstRow.TryAdd(email, row) ? new Result(row, email, Outcome.Duplicate, null, $"Same email as row {firstRow[email]}.")
                    : null;
            }

            var planned = firstRow.Count == 0 ? [] : (await sender.Send(new EnrolEmployees.Command(command.CohortId, [.. firstRow.Keys], command.DryRun), cancellationToken)).Results
                .ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
            var results = command.Rows.Select(r => skipped[r.Row] ?? Of(r.Row, r.Email, planned[r.Email], command.DryRun)).ToList();
            return new Response(command.DryRun, results.Count(r => r.Outcome is Outcome.Enrolled or Outcome.WouldEnrol), results);
        }

        private static Result Of(int row, string email, EnrolEmployees.Result planned, bool dryRun) => new(row, email, planned.Outcome switch
        {
            EnrolEmployees.Outcome.Enrolled => dryRun ? Outcome.WouldEnrol : Outcome.Enrolled,
            EnrolEmployees.Outcome.AlreadyMember => Outcome.AlreadyMember,
            EnrolEmployees.Outcome.CohortFull => Outcome.CohortFull,
            _ => Outcome.NotFound,
        }, planned.UserId, null);
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/enrolments/bulk", async (Guid cohortId, bool? dryRun, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                if (http.Request.ContentLength > MaxBodyBytes)
                {
                    throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
                }

                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBodyBytes; // a body sent without its length stops there
                }

                var (emails, lineNumbers) = http.Request.ContentType?.StartsWith(CsvContentType, StringComparison.OrdinalIgnoreCase) == true
                    ? ReadCsv(await new StreamReader(http.Request.Body).ReadToEndAsync(ct))
                    : (((await ReadJsonAsync(http.Request, ct)).Emails ?? []).Select(e => e?.Trim() ?? "").ToList(), null);
                return TypedResults.Ok(await sender.Send(new Command(cohortId, emails, lineNumbers, dryRun ?? false), ct));
            })
            .Accepts(typeof(Request), "application/json", CsvContentType)
            .WithName("EnrolInBulk")
            .WithSummary("Enrol employees from a CSV file or a JSON list, with a dry run that reports per row (trainers, org admins; a partner's admin: their own people)")
            .WithDescription("Who may, and in which cohorts, as POST /cohorts/{cohortId}/enrolments: `EnrolLearners` or `EnrolOwnPeople` (403 for other members, 404 for outsiders), "
                + "only `OrganizationEnrollment` cohorts (409 admission-mode-mismatch). The body is `text/csv` with a header row holding an `email` column (`,` or `;` between cells, "
                + "other columns ignored, quoted cells allowed) or JSON `{emails}`; at most 200 rows and 256 KB. Each row gets its outcome: `Enrolled` (`WouldEnrol` with `dryRun=true`), "
                + "`AlreadyMember`, `NotFound` (unknown, or not one's people), `CohortFull` once seats run out, `Invalid` (not an email) or `Duplicate` (an earlier row has it). "
                + "`dryRun=true` writes nothing: no seat, no member, no notification. Seats are never oversold: a real run that loses a race for the last seats is 409 cohort-full and enrols nobody.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.EnrolmentsWrite)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.CohortFull, CohortProblems.AdmissionModeMismatch);

    private static async Task<Request> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send text/csv or application/json.", StatusCodes.Status415UnsupportedMediaType); // a body of no type passes routing
        }

        try
        {
            return await request.ReadFromJsonAsync<Request>(ct) ?? throw new BadHttpRequestException("The body is empty.");
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The body is not the JSON expected.", e);
        }
    }

    private static readonly string[] EmailColumns = ["email", "e-mail", "courriel", "mail", "adresse e-mail"];

    /// <summary>The <c>email</c> column of an HR export, whatever the separator its spreadsheet wrote (Sep infers it from the header).</summary>
    private static (List<string> Emails, List<int>? LineNumbers) ReadCsv(string text)
    {
        static ValidationException Refused(string message) => new([new ValidationFailure("body", message)]);
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true })
                .FromText(text.TrimStart('\uFEFF'));
            var column = reader.Header.ColNames.ToList().FindIndex(n => EmailColumns.Contains(n, StringComparer.OrdinalIgnoreCase));
            if (column < 0)
            {
                throw Refused("The CSV needs a header row with an \"email\" column.");
            }

            var (emails, lineNumbers) = (new List<string>(), new List<int>());
            foreach (var row in reader)
            {
                emails.Add(row.ColCount > column ? row[column].ToString().Trim() : ""); // Sep trims spaces, not tabs or no-break spaces
                lineNumbers.Add(row.LineNumberFrom);
            }

            return (emails, lineNumbers);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException) // malformed rows; repeated column names
        {
            throw Refused($"This is not a readable CSV: {e.Message}");
        }
    }
}
