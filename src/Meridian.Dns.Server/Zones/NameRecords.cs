using Meridian.Dns.Names;

namespace Meridian.Dns.Server.Zones;

/// <summary>Every record one name now has, replacing what it had (none: the name's data is gone).</summary>
public sealed record NameRecords(DnsName Owner, IReadOnlyList<ZoneRecord> Records);
