using Mediator;

namespace Spoc.Modules.Community.Contracts;

/// <summary>
/// Integrations asks it when a webhook was disabled after failing for a day: each of the organisation's admins gets a
/// notification of kind <c>WebhookDisabled</c> (in the feed and by mail unless they chose otherwise) pointing at the webhook.
/// <paramref name="NoticeId"/> (the event's id) is recorded in the same commit, so the same notice asked again writes
/// nothing. Answers true when this request wrote it.
/// </summary>
public sealed record SendWebhookDisabledNotice(Guid NoticeId, Guid WebhookId, string Url, DateTimeOffset FailingSince, IReadOnlyList<Guid> RecipientIds) : ICommand<bool>;
