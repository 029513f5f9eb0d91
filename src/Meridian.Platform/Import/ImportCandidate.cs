using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Platform.Import;

/// <summary>A record read from an imported zone file, with the line it came from and the <c>country_codes</c> its
/// line carried (null: answered everywhere).</summary>
internal sealed record ImportCandidate(DnsName Owner, DnsType Type, uint Ttl, byte[] Wire, int Line, string[]? CountryCodes = null);
