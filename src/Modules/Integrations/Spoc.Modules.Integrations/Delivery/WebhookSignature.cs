using System.Security.Cryptography;
using System.Text;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com): HMAC-SHA256, keyed with the secret's base64 after
/// <c>whsec_</c>, of <c>{webhook-id}.{webhook-timestamp}.{body}</c>; one <c>v1,</c> signature per secret in force, space-separated,
/// so a receiver holding either secret of a rotation's overlap verifies. The tests check it with the specification's own library.
/// </summary>
internal static class WebhookSignature
{
    public static string Sign(string messageId, long timestamp, string body, IEnumerable<string> secrets) =>
        string.Join(' ', secrets.Select(secret =>
        {
            var key = Convert.FromBase64String(secret[Domain.WebhookSecret.Prefix.Length..]);
            var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
            return "v1," + Convert.ToBase64String(signature);
        }));
}
