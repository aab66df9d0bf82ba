using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Integrations;

/// <summary>
/// Every problem type the Integrations module returns beyond the kernel's (not-found, forbidden, validation): each slug is
/// written here once, and the web app translates each one (fr, en).
/// </summary>
internal static class IntegrationsProblems
{
    /// <summary>A validation failure of <c>url</c> alone: not https, or a loopback, private, link-local or reserved address (ADR 0048).</summary>
    public static readonly ProblemType WebhookUrlForbidden = new(400, "webhook-url-forbidden", "One or more fields are invalid");

    public static readonly ProblemType TooManyWebhooks = new(409, "too-many-webhooks", "Too many webhooks", "An organisation has at most {0} webhooks: delete one first.");

    /// <summary>Resending to a paused or disabled webhook would queue behind nothing: enable it first (a test ping still goes).</summary>
    public static readonly ProblemType WebhookDisabled = new(409, "webhook-disabled", "Webhook not enabled", "This webhook is paused or disabled: enable it, then resend.");
}
