using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Notifications;

/// <summary>PUT /me/notification-preferences: replaces the caller's choices; a kind left out goes back to its default.</summary>
internal static class UpdateNotificationPreferences
{
    /// <param name="Kind">A notification kind; an unknown one is a 400 naming the field.</param>
    /// <param name="Channel">InApp, Email, Both, or None (not for essential kinds).</param>
    public sealed record ChannelInput(NotificationKind Kind, NotificationChannel Channel);

    /// <param name="DailyDigest">True: one mail a day replaces the single mails.</param>
    /// <param name="Channels">The kinds to set, each at most once.</param>
    public sealed record Request(bool DailyDigest, IReadOnlyList<ChannelInput> Channels);

    public sealed record Command(string? IfMatch, bool DailyDigest, IReadOnlyList<ChannelInput> Channels) : ICommand<NotificationPreferencesResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IfMatch).MaximumLength(200);
            RuleFor(c => c.Channels).NotNull().MaxItems(Enum.GetValues<NotificationKind>().Length)
                .Must(list => list.Select(c => c.Kind).Distinct().Count() == list.Count).WithMessage("Each kind at most once.");
            RuleForEach(c => c.Channels).ChildRules(channel =>
                channel.RuleFor(c => c.Channel).Must((c, value) => value != NotificationChannel.None || !NotificationSettings.Essential.Contains(c.Kind))
                    .WithMessage(c => $"{c.Kind} notifications are essential: choose InApp, Email or Both."));
        }
    }

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me) : ICommandHandler<Command, NotificationPreferencesResponse>
    {
        public async ValueTask<NotificationPreferencesResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            // Without If-Match the last writer wins, as a settings form does; the first save of two at once turns the other into an update.
            for (var attempt = 0; ; attempt++)
            {
                var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == me.Id, cancellationToken);
                if (settings is null)
                {
                    settings = new NotificationSettings { UserId = me.Id };
                    db.NotificationSettings.Add(settings);
                }

                db.Expect(settings, command.IfMatch);
                settings.DailyDigest = command.DailyDigest;
                settings.Channels = command.Channels.Select(c => new KindChannel(c.Kind, c.Channel)).ToList();
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return NotificationPreferencesResponse.Of(settings);
                }
                catch (DbUpdateException e) when (attempt == 0 && e.IsUniqueViolation())
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/me/notification-preferences", async (Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(ifMatch, request.DailyDigest, request.Channels), ct)))
            .WithName("UpdateMyNotificationPreferences")
            .WithSummary("Choose where each kind of notification reaches the caller, and the daily digest")
            .WithDescription("Any signed-in user, their own. Replaces the choices: a kind left out goes back to its default. An unknown kind or channel is a 400 naming the field; `None` for an essential kind (Admission, Invitation, GradeReleased, RevisionRequested, Announcement, Message, SessionCancelled, CertificateIssued, WebhookDisabled) is a 400 too. With `dailyDigest`, what would be mailed one by one waits for one mail a day; the in-app feed is unchanged. `If-Match` with the `ETag` of GET is optional (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.PreconditionFailed);
}
