using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Platform.Publishing;

/// <summary>A record as the DNS engine and the zone rules see it: owner, type, TTL and wire RDATA.</summary>
internal sealed record StoredRecord(Guid Id, DnsName Owner, DnsType Type, uint Ttl, byte[] Wire)
{
    public bool SameData(DnsName owner, DnsType type, ReadOnlySpan<byte> wire) =>
        Type == type && Owner.Equals(owner) && Wire.AsSpan().SequenceEqual(wire);
}
