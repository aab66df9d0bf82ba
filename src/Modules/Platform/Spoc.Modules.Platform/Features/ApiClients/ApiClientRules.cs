using FluentValidation;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.ApiClients;

/// <summary>What an org admin writes of a client, at its creation and when changing it.</summary>
internal interface IApiClientDefinition
{
    string Name { get; }
    IReadOnlyList<string> Scopes { get; }
}

internal sealed class ApiClientDefinitionValidator : AbstractValidator<IApiClientDefinition>
{
    public ApiClientDefinitionValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Scopes).NotEmpty().Must(s => s.Distinct().Count() == s.Count).WithMessage("List each scope once.");
        RuleForEach(c => c.Scopes).MaximumLength(50).Must(Scopes.All.ContainsKey).WithMessage($"Unknown scope; the scopes are: {string.Join(", ", Scopes.All.Keys)}.");
    }
}
