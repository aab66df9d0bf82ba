using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Domain;

/// <summary>What a notification is about; each person chooses a channel per kind (<see cref="NotificationSettings"/>).</summary>
public enum NotificationKind
{
    /// <summary>A decision on one's application: admitted, waitlisted, promoted from the waitlist, rejected.</summary>
    Admission,

    /// <summary>Invited into an organisation.</summary>
    Invitation,

    GradeReleased,
    RevisionRequested,

    /// <summary>Named with @ in a forum post.</summary>
    Mention,

    /// <summary>Someone answered one's post or thread.</summary>
    Reply,

    Announcement,

    /// <summary>A message in one's private conversation with the follow-up staff.</summary>
    Message,

    /// <summary>A live session one was expected at is cancelled.</summary>
    SessionCancelled,

    /// <summary>"Prepare for your session": the preparation of a session starting soon is not done.</summary>
    SessionReminder,

    /// <summary>A certificate was issued to one (issue 14).</summary>
    CertificateIssued,

    /// <summary>The weekly follow-up summary: a mentor's (or trainer's) learners to watch or at risk, and why (issue 15).</summary>
    FollowUpSummary,

    /// <summary>An organisation's webhook was disabled after a day of failures (org admins, issue 17).</summary>
    WebhookDisabled,
}

/// <summary>Where a kind of notification reaches a person: the in-app feed, email, both, or nowhere (non-essential kinds only).</summary>
public enum NotificationChannel
{
    InApp,
    Email,
    Both,
    None,
}

/// <summary>One entry of a person's feed, written in their language when it happens.</summary>
internal sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public NotificationKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string? Summary { get; init; }

    /// <summary>The web app's path to open (<c>/conversations/…</c>).</summary>
    public string Link { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Hidden from the feed (the person chose email only for its kind), still listed in a digest.</summary>
    public bool InFeed { get; init; } = true;

    /// <summary>Waits for the person's daily digest (they want mail for its kind, and a digest instead of single mails).</summary>
    public bool AwaitsDigest { get; set; }
}

/// <summary>A person's choices; someone who never chose has none stored and gets <see cref="Default"/>.</summary>
internal sealed class NotificationSettings : IVersioned
{
    public Guid UserId { get; init; }

    /// <summary>Guid.Empty until first saved: the ETag of the defaults, which a first PUT's If-Match matches.</summary>
    public Guid Version { get; set; } = Guid.Empty;
    public bool DailyDigest { get; set; }

    /// <summary>Only the kinds the person set; the others keep their default.</summary>
    public List<KindChannel> Channels { get; set; } = [];

    /// <summary>Kinds that cannot be switched off entirely: what the platform owes a person (decisions, grades, staff's words).</summary>
    public static readonly IReadOnlySet<NotificationKind> Essential = new HashSet<NotificationKind>
    {
        NotificationKind.Admission, NotificationKind.Invitation, NotificationKind.GradeReleased, NotificationKind.RevisionRequested,
        NotificationKind.Announcement, NotificationKind.Message, NotificationKind.SessionCancelled, NotificationKind.CertificateIssued,
        NotificationKind.WebhookDisabled,
    };

    /// <summary>
    /// In the app and by mail, except forum chatter (mentions, replies) and invitations (Platform mails the invitation
    /// link itself, an account mail that preferences do not hold back): in the app only.
    /// </summary>
    public static NotificationChannel Default(NotificationKind kind) =>
        kind is NotificationKind.Mention or NotificationKind.Reply or NotificationKind.Invitation ? NotificationChannel.InApp : NotificationChannel.Both;

    public NotificationChannel ChannelOf(NotificationKind kind) => Channels.FirstOrDefault(c => c.Kind == kind)?.Channel ?? Default(kind);
}

internal sealed record KindChannel(NotificationKind Kind, NotificationChannel Channel);

public enum EmailState
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// A notification mail in the durable email outbox (docs/adr/0024): committed with what it reports, claimed by one
/// sender at a time with an atomic conditional update, its id the mail's Message-Id.
/// </summary>
internal sealed class NotificationEmail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public string To { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public EmailState State { get; set; }

    /// <summary>When it may next be tried (Pending), or when a sender's claim lapses (Sending: that sender died).</summary>
    public DateTimeOffset DueAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The day (UTC) of the daily digest this mail is; null for a single notification's mail. Unique per person.</summary>
    public DateOnly? DigestOf { get; init; }
}
