using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Meridian.Api.Simple;

/// <summary>The original dns-api's tokens, byte for byte: a compact JWS (RFC 7515) of <c>{"username":USER}</c>, header
/// exactly <c>{"alg":"HS512"}</c> (an older version of its library wrote HS256), JSON without spaces and with non-ASCII
/// escaped as Python's <c>json.dumps</c> does, base64url without padding, signed with HMAC keyed by the secret's raw
/// UTF-8 bytes (no salt, no derivation). Tokens never expire: the same user and secret always give the same token.
/// <para>Our own verifier on purpose: Microsoft.IdentityModel refuses HMAC keys shorter than the hash (IDX10720: 64
/// bytes for HS512), which the secrets of existing deployments — and even a strong 32-byte one — are.</para></summary>
public static class SimpleTokens
{
    public const string HS512 = "HS512";
    public const string HS256 = "HS256";

    /// <summary>The token the original's generator prints for <paramref name="user"/>.</summary>
    public static string Create(ReadOnlySpan<byte> secret, string user, string algorithm = HS512)
    {
        if (algorithm is not (HS512 or HS256)) throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "HS512 or HS256");
        string header = Base64Url.EncodeToString(Encoding.ASCII.GetBytes($$"""{"alg":"{{algorithm}}"}"""));
        string payload = Base64Url.EncodeToString(Encoding.ASCII.GetBytes($$"""{"username":{{PythonJsonString(user)}}}"""));
        string signingInput = header + "." + payload;
        return signingInput + "." + Base64Url.EncodeToString(Sign(algorithm, secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The <c>username</c> of a token signed with <paramref name="secret"/> by HS512 or HS256; false for anything
    /// else: another algorithm (<c>none</c> included), not exactly three segments, bad base64url, a signature that does
    /// not match (compared in constant time), a payload without a string <c>username</c>.</summary>
    public static bool TryVerify(ReadOnlySpan<byte> secret, string token, out string username)
    {
        username = "";
        // A header, a payload, a signature: a fourth segment (or a JWE's five) is not this token.
        int first = token.IndexOf('.', StringComparison.Ordinal);
        int second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.Length - 1 || token.IndexOf('.', second + 1) >= 0) return false;
        if (token.Length > 8192) return false;
        if (!TryDecode(token.AsSpan(0, first), out var header) || !TryDecode(token.AsSpan(first + 1, second - first - 1), out var payload) ||
            !TryDecode(token.AsSpan(second + 1), out var signature))
            return false;
        if (AlgorithmOf(header) is not { } algorithm) return false;
        byte[] expected = Sign(algorithm, secret, Encoding.ASCII.GetBytes(token, 0, second));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return false;
        return TryReadUsername(payload, out username);
    }

    private static byte[] Sign(string algorithm, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> signingInput) =>
        algorithm == HS512 ? HMACSHA512.HashData(secret, signingInput) : HMACSHA256.HashData(secret, signingInput);

    /// <summary>Base64url without padding, nothing else (no '=', '+', '/', whitespace).</summary>
    private static bool TryDecode(ReadOnlySpan<char> segment, out byte[] bytes)
    {
        bytes = [];
        if (segment.Length % 4 == 1) return false;
        foreach (char c in segment)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }
        bytes = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        try
        {
            if (!Base64Url.TryDecodeFromChars(segment, bytes, out int written)) return false;
            bytes = bytes[..written];
            return true;
        }
        catch (FormatException)
        {
            // Base64Url throws, rather than answering false, for a final character whose unused bits are not zero.
            return false;
        }
    }

    /// <summary>HS512 or HS256 from a JSON object header; null for any other algorithm or a header that is not one.</summary>
    private static string? AlgorithmOf(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            if (!document.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String) return null;
            return alg.GetString() switch
            {
                HS512 => HS512,
                HS256 => HS256,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadUsername(byte[] payload, out string username)
    {
        username = "";
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return false;
            if (!document.RootElement.TryGetProperty("username", out var value) || value.ValueKind != JsonValueKind.String) return false;
            username = value.GetString()!;
            return username.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A JSON string as Python's json.dumps writes it (ensure_ascii): the short escapes, every other character
    /// below 0x20 or above 0x7e as a lowercase \uXXXX of its UTF-16 code units.</summary>
    internal static string PythonJsonString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
