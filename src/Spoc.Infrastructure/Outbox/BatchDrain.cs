using Microsoft.Extensions.Logging;

namespace Spoc.SharedKernel.Outbox;

/// <summary>
/// The loop of a background sender that drains its own table in batches (notification mail, webhook deliveries). It waits
/// first, for a commit's signal or its poll: the host's first requests get the cores (the model build, docs/performance.md).
/// A full batch is followed by the next at once, so a backlog drains batch after batch instead of one batch per poll; a
/// failed round waits again before the next.
/// </summary>
public static class BatchDrain
{
    /// <param name="waitAsync">The signal or the poll, whichever comes first.</param>
    /// <param name="sendAsync">One batch; true when it was full, so that more may be due.</param>
    public static async Task RunAsync(Func<CancellationToken, Task> waitAsync, Func<CancellationToken, Task<bool>> sendAsync, ILogger logger, string sender,
        CancellationToken stoppingToken)
    {
        var full = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!full)
                {
                    await waitAsync(stoppingToken);
                }

                full = await sendAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Sender} loop failed; retrying after the polling interval", sender);
                full = false;
            }
        }
    }
}
