using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>The token format: <c>mk_live_</c> or <c>mk_test_</c> (the environment is visible), a 16-character
/// key id that finds the key, <c>_</c>, and a 52-character secret (256 random bits). Both parts are lowercase
/// base32 (RFC 4648 alphabet), so they survive URLs, headers and shells unquoted.</summary>
public static class ApiToken
{
    public const string LivePrefix = "mk_live_";
    public const string TestPrefix = "mk_test_";
    public const int KeyIdLength = 16;
    public const int SecretLength = 52;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly System.Buffers.SearchValues<char> s_alphabet = System.Buffers.SearchValues.Create(Alphabet);

    /// <summary>A new token's parts: the key id, the secret, and the whole token to show once.</summary>
    public static (string KeyId, string Secret, string Token) Create(ApiEnvironment environment)
    {
        string keyId = Base32(RandomNumberGenerator.GetBytes(10));
        string secret = Base32(RandomNumberGenerator.GetBytes(32))[..SecretLength];
        return (keyId, secret, PrefixOf(environment) + keyId + "_" + secret);
    }

    public static string PrefixOf(ApiEnvironment environment) =>
        environment == ApiEnvironment.Sandbox ? TestPrefix : LivePrefix;

    /// <summary>Splits a presented token; false when it cannot be one of ours (nothing is looked up then).</summary>
    public static bool TryParse(string? token, out ApiEnvironment environment, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        environment = default;
        keyId = null;
        secret = null;
        if (token is null) return false;
        token = token.Trim();
        if (token.Length != LivePrefix.Length + KeyIdLength + 1 + SecretLength) return false;
        if (token.StartsWith(LivePrefix, StringComparison.Ordinal)) environment = ApiEnvironment.Production;
        else if (token.StartsWith(TestPrefix, StringComparison.Ordinal)) environment = ApiEnvironment.Sandbox;
        else return false;
        var rest = token.AsSpan(LivePrefix.Length);
        if (rest[KeyIdLength] != '_') return false;
        var id = rest[..KeyIdLength];
        var secretPart = rest[(KeyIdLength + 1)..];
        if (id.ContainsAnyExcept(s_alphabet) || secretPart.ContainsAnyExcept(s_alphabet)) return false;
        keyId = id.ToString();
        secret = secretPart.ToString();
        return true;
    }

    /// <summary>SHA-256 of the secret: all the database ever holds of it.</summary>
    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Verify(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(HashSecret(secret), storedHash);

    private static string Base32(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (byte b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return sb.ToString();
    }
}
