using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Paging;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>A learner's private conversation with their follow-up staff, as the caller sees it.</summary>
/// <param name="LearnerName">The learner's display name (the thread's name for staff).</param>
/// <param name="LastMessageAt">When the last message was sent; null before the first.</param>
/// <param name="LastMessage">The start of the last message, as plain Markdown; null before the first.</param>
/// <param name="UnreadCount">Messages from the other side the caller has not read.</param>
internal sealed record ConversationResponse(
    Guid Id, Guid CohortId, Guid LearnerId, string LearnerName, DateTimeOffset CreatedAt, DateTimeOffset? LastMessageAt, string? LastMessage, int UnreadCount)
{
    private const int Preview = 140;

    /// <summary>One page of conversations with their unread counts and last messages in one statement, then the learners' names in one more.</summary>
    public static async Task<PagedResult<ConversationResponse>> PageAsync(
        IQueryable<Conversation> conversations, CommunityDbContext db, ISender sender, Guid me, PageRequest paging, CancellationToken ct)
    {
        var page = await conversations
            .OrderByDescending(c => c.LastMessageAt ?? c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.CohortId, c.LearnerId, c.CreatedAt, c.LastMessageAt,
                Last = db.ConversationMessages.Where(m => m.ConversationId == c.Id).OrderByDescending(m => m.SentAt).Select(m => m.Body).FirstOrDefault(),
                Unread = db.ConversationMessages.Count(m => m.ConversationId == c.Id && m.AuthorId != me
                    && !db.ConversationReaders.Any(r => r.ConversationId == c.Id && r.UserId == me && r.ReadUpTo >= m.SentAt)),
            })
            .ToPageAsync(paging, ct);
        var names = page.Items.Count == 0
            ? []
            : (await sender.Send(new GetUsers(page.Items.Select(c => c.LearnerId).Distinct().ToList()), ct)).ToDictionary(u => u.Id, u => u.DisplayName);
        return new PagedResult<ConversationResponse>(
            page.Items.Select(c => new ConversationResponse(c.Id, c.CohortId, c.LearnerId, names.GetValueOrDefault(c.LearnerId, ""), c.CreatedAt, c.LastMessageAt,
                c.Last is null ? null : c.Last.Length <= Preview ? c.Last : c.Last[..Preview] + "…", c.Unread)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
