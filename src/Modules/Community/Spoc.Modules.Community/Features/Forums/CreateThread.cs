using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// POST /cohorts/{cohortId}/threads: a member opens a discussion in the cohort's forum or in their group's space; staff
/// open one in any group's space, or post an announcement to the whole cohort or to chosen groups.
/// </summary>
internal static class CreateThread
{
    /// <param name="Title">Plain text, 1 to 200 characters.</param>
    /// <param name="Body">The opening post: Markdown, at most 20,000 characters; <c>@Display Name</c> mentions a member who can read the thread.</param>
    /// <param name="GroupId">A project group's private space (a learner: their own group's only); omitted for the cohort's forum.</param>
    /// <param name="Announcement">Staff only: an announcement, which learners read and do not reply to; pinned.</param>
    /// <param name="GroupIds">An announcement's groups (their learners are told); omitted or empty for the whole cohort.</param>
    /// <param name="FileIds">Up to 5 files the caller uploaded with POST /files.</param>
    public sealed record Request(string Title, [property: MultiLine] string Body, Guid? GroupId, bool? Announcement, IReadOnlyList<Guid>? GroupIds, IReadOnlyList<Guid>? FileIds);

    public sealed record Command(Guid CohortId, string Title, string Body, Guid? GroupId, bool Announcement, IReadOnlyList<Guid>? GroupIds, IReadOnlyList<Guid>? FileIds)
        : ICommand<ForumThreadResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Body).NotEmpty().MaximumLength(PostComposer.MaxBodyLength);
            RuleFor(c => c.FileIds).MaxItems(PostComposer.MaxAttachments);
            RuleFor(c => c.GroupIds).MaxItems(50);
            RuleFor(c => c.GroupIds).Must(g => g is null || g.Count == 0).When(c => !c.Announcement).WithMessage("Only an announcement is addressed to groups; a discussion goes in one group's space (groupId).");
            RuleFor(c => c.GroupId).Null().When(c => c.Announcement).WithMessage("An announcement is addressed with groupIds, not posted in a group's space.");
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ForumThreadResponse>
    {
        public async ValueTask<ForumThreadResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var viewer = await sender.ViewerAsync(command.CohortId, me.Id, cancellationToken);
            if (command.Announcement && !viewer.IsStaff)
            {
                throw ProblemException.Forbidden("Only the cohort's staff post announcements.");
            }

            var audience = (command.GroupIds ?? []).Distinct().ToList();
            CohortPeople? people = null;
            if (command.GroupId is { } groupId && !viewer.IsStaff && groupId != viewer.GroupId)
            {
                throw ProblemException.NotFound("This group"); // another group's space is as invisible as an unknown one
            }

            if (viewer.IsStaff && (command.GroupId is not null || audience.Count > 0 || command.Announcement))
            {
                people = await sender.Send(new GetCohortPeople(command.CohortId), cancellationToken);
                if (audience.Append(command.GroupId ?? Guid.Empty).Any(g => g != Guid.Empty && !people.GroupIds.Contains(g)))
                {
                    throw ProblemException.NotFound("This group");
                }
            }

            var now = clock.GetUtcNow();
            var thread = new ForumThread
            {
                CohortId = command.CohortId, GroupId = command.GroupId, Title = command.Title, AuthorId = me.Id, CreatedAt = now, LastPostAt = now, PostCount = 1,
                IsAnnouncement = command.Announcement, IsPinned = command.Announcement,
            };
            thread.Audience.AddRange(audience.Select(g => new ThreadAudience { ThreadId = thread.Id, GroupId = g }));
            var rendered = await sender.RenderAsync(command.CohortId, command.GroupId, audience, me.Id, command.Body, cancellationToken);
            var attachments = await sender.AttachmentsAsync(me.Id, command.FileIds, cancellationToken);
            db.ForumThreads.Add(thread);
            db.Publish(thread, viewer, 1, command.Body, rendered, attachments, replyTo: null, now);
            if (command.Announcement)
            {
                var recipients = people!.Members
                    .Where(m => m.Role == CohortRole.Learner && m.UserId != me.Id && (audience.Count == 0 || (m.GroupId is { } g && audience.Contains(g))))
                    .Select(m => m.UserId).Distinct().ToList();
                db.AddIntegrationEvent(new AnnouncementPublished(command.CohortId, thread.Id, thread.Title, me.Id, recipients, now), now);
            }

            // The author has read what they wrote.
            db.ThreadReadMarkers.Add(new ThreadReadMarker { ThreadId = thread.Id, UserId = me.Id, LastReadNumber = 1 });
            await db.SaveChangesAsync(cancellationToken);
            return thread.ToResponse(viewer, await sender.NamesAsync([me.Id], cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/threads", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new Command(cohortId, request.Title, request.Body, request.GroupId, request.Announcement ?? false, request.GroupIds, request.FileIds), ct);
                return TypedResults.Created($"/api/v1/threads/{created.Id}", created);
            })
            .WithName("CreateThread")
            .WithSummary("Open a thread in the cohort's forum or a group's space; staff: post an announcement")
            .WithDescription("Members of the cohort (learners, trainers, mentors, its organisation's admins). `groupId` puts it in a project group's private space, visible to that group's learners and the staff only: a learner may only use their own group's (another group's, or an unknown one, 404). `announcement: true` is staff only (403 otherwise), to the whole cohort or to `groupIds`; it is pinned, its recipients are told, and learners do not reply to it. The body is Markdown, rendered and sanitised (`bodyHtml`); `@Display Name` mentions a member who can read the thread. `fileIds` attach the caller's own uploads. Outsiders 404; a partner's admin 403.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
