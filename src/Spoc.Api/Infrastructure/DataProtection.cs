using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Infrastructure;

/// <summary>Where the data protection key ring lives (<c>DataProtection:Store</c>).</summary>
internal enum KeyStore
{
    /// <summary><c>{DataDirectory}/keys/data-protection</c> (or <c>DataProtection:KeysDirectory</c>): one machine, or a directory every instance mounts.</summary>
    FileSystem,

    /// <summary>The <c>keys.DataProtectionKeys</c> table: every instance on the database shares the ring, with nothing to mount.</summary>
    Database,
}

/// <summary>
/// The data protection key ring, which protects at rest the credential signing keys (ADR 0031) and the webhook secrets,
/// so it must be the same for every instance and outlive restarts. On the file system by default (apart from the
/// database: a copy of the database alone decrypts nothing); in the database when configured (ADR 0054), then best
/// encrypted with a certificate kept outside it (<c>DataProtection:Certificate:Path</c>) to keep that property.
/// </summary>
internal static class DataProtection
{
    public static IServiceCollection AddSpocDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<KeysDbContext>("keys");
        var protection = services.AddDataProtection()
            // One name for every instance and every path the app is deployed under: they share one key ring.
            .SetApplicationName("Spoc");
        var certificate = configuration["DataProtection:Certificate:Path"];
        if (configuration.GetValue("DataProtection:Store", KeyStore.FileSystem) == KeyStore.Database)
        {
            // One instance started without the certificate (a missing mount) would write a readable key into the shared
            // ring, which every instance then encrypts with: outside development and tests, refuse to start instead.
            if (string.IsNullOrEmpty(certificate) && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                throw new InvalidOperationException("DataProtection:Store=Database needs DataProtection:Certificate:Path (ADR 0054): without it, a copy of the database decrypts every secret.");
            }

            protection.PersistKeysToDbContext<KeysDbContext>();
        }
        else
        {
            var directory = configuration["DataProtection:KeysDirectory"] is { Length: > 0 } configured
                ? configured
                : Path.Combine(DatabaseSettings.From(configuration).DataDirectory, "keys", "data-protection");
            protection.PersistKeysToFileSystem(new DirectoryInfo(directory));
        }

        if (!string.IsNullOrEmpty(certificate))
        {
            // The key ring's keys are stored encrypted to this certificate's public key; reading them needs its private key,
            // which lives in the PFX file (a mounted secret), never in the database.
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:Certificate:Password"]));
        }

        return services;
    }
}
