namespace Meridian.Dns.Rdata.Fields;

/// <summary>Digest lengths fixed by a digest type, which BIND enforces.</summary>
internal static class DigestLengths
{
    /// <summary>DS, CDS, DLV, TA: SHA-1, SHA-256, SHA-384 (RFC 4034, 4509, 6605); the type is octet 3.</summary>
    public static int Delegation(ReadOnlySpan<byte> before) => before.Length < 4 ? -1 : before[3] switch
    {
        1 => 20,
        2 => 32,
        4 => 48,
        _ => -1,
    };

    /// <summary>SSHFP: SHA-1 and SHA-256 fingerprints (RFC 4255, 6594); the type is octet 1.</summary>
    public static int SshFingerprint(ReadOnlySpan<byte> before) => before.Length < 2 ? -1 : before[1] switch
    {
        1 => 20,
        2 => 32,
        _ => -1,
    };

    /// <summary>ZONEMD: SHA-384 and SHA-512 (RFC 8976 §2.2.4); the hash algorithm is octet 5.</summary>
    public static int ZoneDigest(ReadOnlySpan<byte> before) => before.Length < 6 ? -1 : before[5] switch
    {
        1 => 48,
        2 => 64,
        _ => -1,
    };

    /// <summary>RFC 8976 §2.2.4: a ZONEMD digest has at least 12 octets.</summary>
    public const int ZoneDigestMinimum = 12;
}
