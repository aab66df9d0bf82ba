using Mediator;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp.Features.Journal;

/// <summary>A private note of a learner's follow-up journal, as the cohort's staff and the learner's mentor read it.</summary>
/// <param name="Body">The Markdown as written.</param>
/// <param name="BodyHtml">The note rendered and sanitized: the only form to show as HTML.</param>
/// <param name="Mine">Written by the caller, who alone may delete it.</param>
internal sealed record JournalNoteResponse(
    Guid Id, Guid LearnerId, Guid AuthorId, string AuthorName, string Body, string BodyHtml, DateTimeOffset CreatedAt, bool Mine)
{
    public static JournalNoteResponse From(JournalNote n, IReadOnlyDictionary<Guid, string> names, Guid me) =>
        new(n.Id, n.LearnerId, n.AuthorId, names.GetValueOrDefault(n.AuthorId, ""), n.Body, n.BodyHtml, n.CreatedAt, n.AuthorId == me);
}

/// <summary>A follow-up action for a learner: what their staff will do, by when, and where it stands.</summary>
/// <param name="ExtensionDays">An extension's days: the learner's due dates moved later by this many days; null for other kinds.</param>
/// <param name="ResourceUrl">A resource's http(s) link; null for other kinds.</param>
/// <param name="DoneAt">When it was marked done or cancelled, by <c>doneBy</c>.</param>
/// <param name="Version">Its ETag: send it as <c>If-Match</c> to mark it done or cancel it.</param>
internal sealed record FollowUpActionResponse(
    Guid Id, Guid LearnerId, FollowUpActionKind Kind, string Title, string? Details, DateOnly DueOn, int? ExtensionDays, string? ResourceUrl,
    FollowUpActionStatus Status, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt, Guid? DoneBy, DateTimeOffset? DoneAt, Guid Version) : IVersioned
{
    public static FollowUpActionResponse From(FollowUpAction a, IReadOnlyDictionary<Guid, string> names) => new(
        a.Id, a.LearnerId, a.Kind, a.Title, a.Details, a.DueOn, a.ExtensionDays, a.ResourceUrl, a.Status, a.AuthorId, names.GetValueOrDefault(a.AuthorId, ""),
        a.CreatedAt, a.DoneBy, a.DoneAt, a.Version);
}

internal static class JournalNames
{
    /// <summary>The display names of these people, in one query (none when there is nobody to name).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(this ISender sender, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        return distinct.Count == 0
            ? new Dictionary<Guid, string>()
            : (await sender.Send(new GetUsers(distinct), ct)).ToDictionary(u => u.Id, u => u.DisplayName);
    }
}
