using Microsoft.AspNetCore.DataProtection;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// The data protection key ring, kept in <c>{DataDirectory}/keys/data-protection</c> (or <c>DataProtection:KeysDirectory</c>)
/// so that what it protected at rest (the credential signing keys, docs/adr/0031) stays readable after a restart and by
/// every instance that mounts the same directory. Apart from the database on purpose: a copy of the database alone
/// decrypts nothing.
/// </summary>
internal static class DataProtection
{
    public static IServiceCollection AddSpocDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = configuration["DataProtection:KeysDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(DatabaseSettings.From(configuration).DataDirectory, "keys", "data-protection");
        services.AddDataProtection()
            // One name for every instance and every path the app is deployed under: they share one key ring.
            .SetApplicationName("Spoc")
            .PersistKeysToFileSystem(new DirectoryInfo(directory));
        return services;
    }
}
