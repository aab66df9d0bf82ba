using System.Text.Json;
using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Paging;

namespace Spoc.Modules.Cohorts.Features.Applications;

/// <param name="ApplicantName">The applicant's display name; null when their account is gone.</param>
/// <param name="Answers">The applicant's answers to the cohort's questions.</param>
/// <param name="DecisionNote">The note sent with the last decision.</param>
/// <param name="DecidedAt">When the last decision was taken; null while submitted.</param>
/// <param name="WaitlistPosition">1-based place on the waitlist, in order of waitlisting; null unless <c>Waitlisted</c>.</param>
/// <param name="UpdatedAt">When the application last changed (submitted, decided, promoted, withdrawn): the next <c>updatedSince</c> of a sync.
/// The waitlist position is not a change of its own: it moves when others leave the queue.</param>
public sealed record ApplicationResponse(
    Guid Id, Guid CohortId, string CohortTitle, Guid ApplicantId, string? ApplicantName, string Motivation,
    IReadOnlyDictionary<string, string> Answers, ApplicationStatus Status, string? DecisionNote,
    DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, int? WaitlistPosition, DateTimeOffset UpdatedAt);

internal static class ApplicationRows
{
    internal sealed record RowData(Guid Id, Guid CohortId, string CohortTitle, Guid ApplicantId, string Motivation, string AnswersJson,
        ApplicationStatus Status, string? DecisionNote, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, int? WaitlistPosition, DateTimeOffset UpdatedAt);

    public static readonly System.Linq.Expressions.Expression<Func<Application, RowData>> Row = a => new RowData(
        a.Id, a.CohortId, a.Cohort.Title, a.ApplicantId, a.Motivation, a.AnswersJson, a.Status, a.DecisionNote, a.SubmittedAt, a.DecidedAt,
        a.Status == ApplicationStatus.Waitlisted
            ? a.Cohort.Applications.Count(o => o.Status == ApplicationStatus.Waitlisted && o.WaitlistedAt <= a.WaitlistedAt)
            : null,
        a.UpdatedAt);

    /// <summary>Applicants' names come from Platform in one query for the whole page.</summary>
    public static async Task<PagedResult<ApplicationResponse>> ToResponsesAsync(PagedResult<RowData> page, ISender sender, bool withNames, CancellationToken ct)
    {
        var names = withNames && page.Items.Count > 0
            ? (await sender.Send(new GetUsers(page.Items.Select(r => r.ApplicantId).Distinct().ToList()), ct)).ToDictionary(u => u.Id, u => u.DisplayName)
            : [];
        return new PagedResult<ApplicationResponse>(
            page.Items.Select(r => new ApplicationResponse(r.Id, r.CohortId, r.CohortTitle, r.ApplicantId, names.GetValueOrDefault(r.ApplicantId), r.Motivation,
                JsonSerializer.Deserialize<Dictionary<string, string>>(r.AnswersJson) ?? [], r.Status, r.DecisionNote, r.SubmittedAt, r.DecidedAt, r.WaitlistPosition, r.UpdatedAt)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
