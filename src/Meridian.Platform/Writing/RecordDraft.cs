using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Geo;

namespace Meridian.Platform.Writing;

/// <summary>A record that passed the checks of its own fields, before the zone-wide rules; <paramref name="Targets"/>
/// is <paramref name="CountryCodes"/> parsed (once, for the rules and the published record alike).</summary>
internal sealed record RecordDraft(DnsName Owner, DnsType Type, uint Ttl, byte[] Wire, string[] CountryCodes, GeoTargetSet Targets);
