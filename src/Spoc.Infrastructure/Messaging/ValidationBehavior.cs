using FluentValidation;
using Mediator;
using Spoc.SharedKernel.Validation;

namespace Spoc.SharedKernel.Messaging;

/// <summary>
/// Applies the text rule to every string of the message (<see cref="TextFields"/>: trimmed, no control or bidi override
/// characters), then runs every FluentValidation validator of it on the normalised values; failures become 400
/// problem+json with <c>errors</c>.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        TextFields.Normalize(message, failures);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
