using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Platform.Publishing;

/// <summary>A record as the DNS engine and the zone rules see it: owner, type, TTL, wire RDATA, and whether
/// it is answered everywhere (<c>country_codes</c> ["disabled"]) or only to some locations.</summary>
internal sealed record StoredRecord(Guid Id, DnsName Owner, DnsType Type, uint Ttl, byte[] Wire, bool Global = true)
{
    /// <summary>True for the stored form of "answered everywhere".</summary>
    public static bool IsGlobal(IReadOnlyList<string> countryCodes) =>
        countryCodes.Count == 0 || countryCodes is [var only] && string.Equals(only, "disabled", StringComparison.OrdinalIgnoreCase);

    public bool SameData(DnsName owner, DnsType type, ReadOnlySpan<byte> wire) =>
        Type == type && Owner.Equals(owner) && Wire.AsSpan().SequenceEqual(wire);
}
