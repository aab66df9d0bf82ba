using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>What writing a post takes, for a new thread, a reply and an edit alike: its HTML with mentions, its attachments.</summary>
internal static class PostComposer
{
    public const int MaxBodyLength = 20_000;
    public const int MaxAttachments = 5;

    /// <summary>
    /// Sanitised HTML with the mentions of members who can read the thread (its group's learners or the announcement's groups',
    /// and the staff), the author excluded. Asks for the cohort's people only when the text holds an '@'.
    /// </summary>
    public static async Task<(string Html, List<Guid> Mentioned)> RenderAsync(
        this ISender sender, Guid cohortId, Guid? groupId, IReadOnlyCollection<Guid> audience, Guid authorId, string body, CancellationToken ct)
    {
        var html = Markdown.ToSafeHtml(body);
        if (!body.Contains('@', StringComparison.Ordinal))
        {
            return (html, []);
        }

        var people = await sender.Send(new GetCohortPeople(cohortId), ct);
        var readers = people.Members
            .Where(m => m.UserId != authorId && (m.Role != CohortRole.Learner
                || (groupId is { } g ? m.GroupId == g : audience.Count == 0 || (m.GroupId is { } mine && audience.Contains(mine)))))
            .Select(m => m.UserId).Distinct().ToList();
        var names = readers.Count == 0 ? [] : await sender.Send(new GetUsers(readers), ct);
        return Mentions.Render(html, names.Select(u => new Mentions.Candidate(u.Id, u.DisplayName)).ToList());
    }

    /// <summary>Only one's own uploads, all read in one query: nobody attaches someone else's file.</summary>
    public static async Task<List<PostAttachment>> AttachmentsAsync(this ISender sender, Guid authorId, IReadOnlyList<Guid>? fileIds, CancellationToken ct)
    {
        var ids = (fileIds ?? []).Distinct().ToList();
        var files = ids.Count == 0 ? [] : await sender.Send(new GetStoredFiles(ids), ct);
        if (files.Count != ids.Count || files.Any(f => f.OwnerId != authorId))
        {
            throw Rules.Invalid("FileIds", "Upload each file first (POST /files), then attach it.");
        }

        return files.Select(f => new PostAttachment(f.Id, f.FileName, f.ContentType, f.Size)).ToList();
    }
}
