using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// Who reads what in a cohort's forums, in one place: the cohort's staff (trainers, mentors, its organisation's admins) read
/// every thread, hidden posts included, and moderate; a learner reads the cohort's forum, the announcements addressed to
/// the whole cohort or to their group, and their own group's space. Anyone else finds nothing (404).
/// </summary>
internal sealed record ForumViewer(Guid UserId, CohortAccessInfo Access, Guid? GroupId)
{
    public Guid CohortId => Access.CohortId;

    /// <summary>Staff of the cohort: trainers and admins (every learner) and mentors (theirs): they moderate and announce.</summary>
    public bool IsStaff => Access.Can(CohortCapability.ActOnAllLearners) || Access.Can(CohortCapability.ActOnOwnMentees);

    public bool CanRead(ThreadView thread) =>
        thread.CohortId == CohortId && (IsStaff || (thread.GroupId is { } group
            ? group == GroupId
            : thread.Audience.Count == 0 || (GroupId is { } mine && thread.Audience.Contains(mine))));

    /// <summary>Learners reply in discussions; announcements are staff's word to them (docs/adr/0023).</summary>
    public bool CanReplyTo(ThreadView thread) => IsStaff || !thread.IsAnnouncement;
}

internal static class ForumAccess
{
    /// <summary>Outsiders 404; those who see the cohort without its inside (a partner's admin, an applicant) 403.</summary>
    public static async Task<ForumViewer> ViewerAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        return access.IsInside ? ViewerOf(access, userId) : throw ProblemException.Forbidden("Only the cohort's members and staff read its forums.");
    }

    /// <summary>The SQL form of <see cref="ForumViewer.CanRead"/>, for lists and counts.</summary>
    public static IQueryable<ForumThread> VisibleTo(this IQueryable<ForumThread> threads, ForumViewer viewer)
    {
        var (cohortId, groupId) = (viewer.CohortId, viewer.GroupId);
        return viewer.IsStaff
            ? threads.Where(t => t.CohortId == cohortId)
            : threads.Where(t => t.CohortId == cohortId && ((t.GroupId == null && (!t.Audience.Any() || t.Audience.Any(a => a.GroupId == groupId)))
                || (t.GroupId != null && t.GroupId == groupId)));
    }

    /// <summary>The thread, with who is reading it; 404 for anyone who may not read it, whatever the reason.</summary>
    public static async Task<(ForumThread Thread, ForumViewer Viewer)> ReadableThreadAsync(
        this CommunityDbContext db, ISender sender, Guid userId, Guid threadId, CancellationToken ct, bool tracking = false)
    {
        var threads = db.ForumThreads.Include(t => t.Audience).Where(t => t.Id == threadId);
        var thread = await (tracking ? threads : threads.AsNoTracking()).FirstOrDefaultAsync(ct);
        var viewer = await sender.ReaderOfAsync(thread is null ? null : ThreadView.Of(thread), userId, ct);
        return (thread!, viewer);
    }

    /// <summary>Who reads this thread; 404 when it is missing or they may not read it.</summary>
    public static async Task<ForumViewer> ReaderOfAsync(this ISender sender, ThreadView? thread, Guid userId, CancellationToken ct)
    {
        var access = thread is null ? null : await sender.Send(new GetCohortAccess(thread.CohortId, userId), ct);
        var viewer = access is { IsInside: true } ? ViewerOf(access, userId) : null;
        return viewer is not null && viewer.CanRead(thread!) ? viewer : throw ProblemException.NotFound("This thread");
    }

    /// <summary>The post and its thread, when the caller may read the thread; 404 otherwise.</summary>
    public static async Task<(ForumPost Post, ForumThread Thread, ForumViewer Viewer)> ReadablePostAsync(
        this CommunityDbContext db, ISender sender, Guid userId, Guid postId, CancellationToken ct)
    {
        var post = await db.ForumPosts.FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw ProblemException.NotFound("This post");
        var (thread, viewer) = await db.ReadableThreadAsync(sender, userId, post.ThreadId, ct, tracking: true);
        return (post, thread, viewer);
    }

    /// <summary>The learner's group comes with the access check (<see cref="CohortAccessInfo.GroupId"/>): no query of its own.</summary>
    private static ForumViewer ViewerOf(CohortAccessInfo access, Guid userId)
    {
        var staff = access.Can(CohortCapability.ActOnAllLearners) || access.Can(CohortCapability.ActOnOwnMentees);
        return new ForumViewer(userId, access, staff ? null : access.GroupId);
    }
}
