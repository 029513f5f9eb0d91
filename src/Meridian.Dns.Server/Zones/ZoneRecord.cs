using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.Server.Zones;

/// <summary>One record handed to the server to publish: owner, type, TTL and uncompressed wire RDATA.</summary>
public readonly record struct ZoneRecord(DnsName Owner, DnsType Type, uint Ttl, byte[] Data);
