using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Spoc.SharedKernel.Messaging;

/// <summary>First in the pipeline: one structured line per message with its outcome and duration.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Production logs warnings only: then the name, the clock and the arguments' array and boxes are not made at all
        // (four messages on a thread page, docs/performance.md).
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return await next(message, cancellationToken);
        }

        var name = MessageName(typeof(TMessage));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation("Handled {Message} in {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogInformation("{Message} failed after {ElapsedMs:0.0} ms: {Error}", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    // Features nest their Command/Query in a static class named after the feature: "RegisterUser.Command".
    private static string MessageName(Type type) =>
        type.DeclaringType is { } feature ? $"{feature.Name}.{type.Name}" : type.Name;
}
