using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Platform.Import;

/// <summary>A record read from an imported zone file, with the line it came from.</summary>
internal sealed record ImportCandidate(DnsName Owner, DnsType Type, uint Ttl, byte[] Wire, int Line);
