namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// Another API instance of the same installation, as a load balancer would put beside the first: the same database (its
/// connection string), but a data directory of its own, so that nothing kept on one instance's disk (files, keys) can
/// make a cross-instance test pass. Only what goes through a shared engine (database, Redis, blob storage) is shared.
/// </summary>
internal static class Instances
{
    public static SpocApiFactory SecondOf(SpocApiFactory first, IDictionary<string, string?> settings)
    {
        _ = first.Services; // the first has made (or copied) the database before the second opens it
        return new SpocApiFactory(new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:Spoc"] = $"Data Source={Path.Combine(first.DataDirectory, "spoc.db")};Default Timeout=30;Pooling=True",
        });
    }
}
