using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Geo;

namespace Meridian.Dns.Server.Zones;

/// <summary>One record handed to the server to publish: owner, type, TTL, uncompressed wire RDATA, and where it is
/// answered (<paramref name="Targets"/> null or global: everywhere; else chosen by the client's location).</summary>
public readonly record struct ZoneRecord(DnsName Owner, DnsType Type, uint Ttl, byte[] Data, GeoTargetSet? Targets = null);
