using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>A zone read from a file and stored with BIND's rules, its RRsets in the order
/// named-compilezone dumps them: owners in canonical order (the NSEC3 tree after the rest), and at each
/// owner SOA, NS, then the other types by number, each RRSIG right after the type it covers.</summary>
public sealed class CompiledZone(DnsName origin, DnsClass dnsClass, IReadOnlyList<CompiledRRset> rrsets)
{
    public DnsName Origin { get; } = origin;

    public DnsClass Class { get; } = dnsClass;

    public IReadOnlyList<CompiledRRset> RRsets { get; } = rrsets;

    public int RecordCount => RRsets.Sum(set => set.Data.Count);
}
