using System.Security.Cryptography;

namespace Spoc.Modules.Certification.Features.Issuance;

/// <summary>
/// A certificate's codes, in Crockford's base32 (no I, L, O, U: read aloud and typed without confusion): the verification
/// code carries 128 random bits (26 characters), the short code 60 (12 characters), so neither can be enumerated.
/// </summary>
internal static class CertificateCodes
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string VerificationCode() => Encode(RandomNumberGenerator.GetBytes(16), 26);

    public static string ShortCode() => Encode(RandomNumberGenerator.GetBytes(8), 12);

    /// <summary>The first <paramref name="length"/> groups of 5 bits of <paramref name="bytes"/> (zero-padded at the end).</summary>
    private static string Encode(byte[] bytes, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var bit = i * 5;
            var word = (bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0);
            chars[i] = Alphabet[(word >> (11 - (bit % 8))) & 31];
        }

        return new string(chars);
    }
}
