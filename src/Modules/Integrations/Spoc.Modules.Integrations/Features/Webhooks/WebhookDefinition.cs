using FluentValidation;
using FluentValidation.Results;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Delivery;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>What an org admin writes of a webhook, at its creation and when changing it.</summary>
internal interface IWebhookDefinition
{
    string Url { get; }
    IReadOnlyList<string> EventTypes { get; }
    string? Description { get; }
}

internal sealed class WebhookDefinitionValidator : AbstractValidator<IWebhookDefinition>
{
    public WebhookDefinitionValidator(WebhookUrlCheck urls)
    {
        RuleFor(w => w.Url).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(2000).Custom((url, context) =>
        {
            if (urls.FormProblem(url.Trim()) is { } problem)
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, problem) { ErrorCode = IntegrationsProblems.WebhookUrlForbidden.Slug });
            }
        });
        RuleFor(w => w.EventTypes).Cascade(CascadeMode.Stop).NotEmpty().Must(t => t.Count <= WebhookEventTypes.All.Count && t.Distinct().Count() == t.Count)
            .WithMessage("List each event type once.");
        RuleForEach(w => w.EventTypes).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(40).Must(WebhookEventTypes.All.ContainsKey)
            .WithMessage($"Unknown event type; the types are: {string.Join(", ", WebhookEventTypes.All.Keys)}.");
        RuleFor(w => w.Description).MaximumLength(500);
    }
}
