using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Platform.Writing;

/// <summary>A record that passed the checks of its own fields, before the zone-wide rules.</summary>
internal sealed record RecordDraft(DnsName Owner, DnsType Type, uint Ttl, byte[] Wire, string[] CountryCodes);
