using System.Security.Cryptography;
using Meridian.Dns.Names;

namespace Meridian.Dns.Server.Tsig;

/// <summary>The TSIG MAC algorithms Meridian signs and verifies with (RFC 8945 §6: HMAC-SHA256 is mandatory,
/// HMAC-SHA512 recommended). Older ones (HMAC-MD5, SHA-1) are refused as BADKEY.</summary>
public enum TsigAlgorithm
{
    HmacSha256,
    HmacSha512,
}

/// <summary>Names and sizes of <see cref="TsigAlgorithm"/> values.</summary>
public static class TsigAlgorithms
{
    private static readonly DnsName s_sha256 = DnsName.Parse("hmac-sha256.");
    private static readonly DnsName s_sha512 = DnsName.Parse("hmac-sha512.");

    /// <summary>The algorithm's name as written on the wire and in configuration (without the final dot).</summary>
    public static string Name(TsigAlgorithm algorithm) => algorithm == TsigAlgorithm.HmacSha512 ? "hmac-sha512" : "hmac-sha256";

    public static DnsName WireName(TsigAlgorithm algorithm) => algorithm == TsigAlgorithm.HmacSha512 ? s_sha512 : s_sha256;

    public static bool TryParse(string? text, out TsigAlgorithm algorithm)
    {
        algorithm = TsigAlgorithm.HmacSha256;
        switch (text?.Trim().TrimEnd('.').ToLowerInvariant())
        {
            case "hmac-sha256": return true;
            case "hmac-sha512": algorithm = TsigAlgorithm.HmacSha512; return true;
            default: return false;
        }
    }

    public static bool TryFromWire(DnsName name, out TsigAlgorithm algorithm)
    {
        algorithm = TsigAlgorithm.HmacSha256;
        if (name.Equals(s_sha256)) return true;
        if (!name.Equals(s_sha512)) return false;
        algorithm = TsigAlgorithm.HmacSha512;
        return true;
    }

    /// <summary>Octets of a full MAC.</summary>
    public static int MacLength(TsigAlgorithm algorithm) => algorithm == TsigAlgorithm.HmacSha512 ? 64 : 32;

    /// <summary>The secret length generated for new keys: the hash's output size (RFC 8945 §6 advises at least that).</summary>
    public static int SecretLength(TsigAlgorithm algorithm) => MacLength(algorithm);

    internal static IncrementalHash CreateHmac(TsigAlgorithm algorithm, byte[] secret) =>
        IncrementalHash.CreateHMAC(algorithm == TsigAlgorithm.HmacSha512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256, secret);
}
