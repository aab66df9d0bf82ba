namespace Spoc.SharedKernel.Scheduling;

/// <summary>
/// This instance's name on the leases it takes (outbox messages, scheduled runs): the machine and process for whoever reads
/// the tables, and a random part so that two hosts in one process (tests) or a restarted process never share one. At most 84 characters.
/// </summary>
public sealed class LeaseHolder
{
    public string Id { get; } = $"{(Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName)}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
