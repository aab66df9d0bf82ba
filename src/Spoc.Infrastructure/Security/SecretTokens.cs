using System.Security.Cryptography;
using System.Text;

namespace Spoc.SharedKernel.Security;

/// <summary>Bearer secrets handed to people (refresh tokens, invitation links): 256 random bits, stored only as their SHA-256.</summary>
public static class SecretTokens
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
