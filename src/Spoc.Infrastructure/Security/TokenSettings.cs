using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Spoc.SharedKernel.Security;

/// <summary>The <c>Auth</c> section: who issues access tokens, for whom, and how long they and refresh tokens live.</summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "spoc";
    public string Audience { get; set; } = "spoc-api";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>An API client's access token: short, since a client gets a new one with its secret whenever it needs (no refresh token).</summary>
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Base64 of at least 32 random bytes. Never committed: environment variable or secret store.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>
/// The HMAC key that signs access tokens: <c>Auth:SigningKey</c>, or in Development a key generated once
/// into the data directory so that tokens survive restarts without anyone committing a secret.
/// </summary>
public sealed class SigningKeyProvider(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly Lazy<byte[]> _key = new(() => Load(configuration, environment));

    public byte[] Key => _key.Value;

    private static byte[] Load(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Auth:SigningKey"] is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Auth:SigningKey is not configured (set Auth__SigningKey to base64 of 32+ random bytes).");
        }

        var path = Path.Combine(Persistence.DatabaseSettings.From(configuration).DataDirectory, "keys", "jwt-signing.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Readable by its owner only from its first byte: a chmod after writing would leave a window.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        }

        return Convert.FromBase64String(File.ReadAllText(path));
    }
}
