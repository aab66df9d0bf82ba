using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>
/// Who reads a learner's private conversation (docs/adr/0024): the learner, the cohort's trainers, and the learner's own
/// mentor. Nobody else, organisation admins included; they all get the same 404 as for a conversation that does not exist.
/// </summary>
internal static class ConversationAccess
{
    /// <summary>Whether the caller, standing so in the cohort, follows this learner up.</summary>
    public static bool FollowsUp(this CohortAccessInfo access, Guid learnerId) =>
        access.Role == CohortRole.Trainer || (access.Role == CohortRole.Mentor && access.MentoredLearnerIds.Contains(learnerId));

    /// <summary>The conversation when the caller is one of its two sides; 404 otherwise.</summary>
    public static async Task<Conversation> ReachAsync(this CommunityDbContext db, ISender sender, Guid userId, Guid conversationId, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is not null && (conversation.LearnerId == userId
            || (await sender.Send(new GetCohortAccess(conversation.CohortId, userId), ct))?.FollowsUp(conversation.LearnerId) == true))
        {
            return conversation;
        }

        throw ProblemException.NotFound("This conversation");
    }
}
