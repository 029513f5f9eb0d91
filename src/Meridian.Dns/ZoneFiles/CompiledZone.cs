using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>A zone read from a file and stored with BIND's rules, its RRsets in the order
/// named-compilezone dumps them: owners in canonical order (the NSEC3 tree after the rest), and at each
/// owner SOA, NS, then the other types by number, each RRSIG right after the type it covers.</summary>
public sealed class CompiledZone
{
    private readonly CompiledRRset[] _rrsets;

    internal CompiledZone(DnsName origin, DnsClass dnsClass, CompiledRRset[] rrsets)
    {
        Origin = origin;
        Class = dnsClass;
        _rrsets = rrsets;
    }

    public DnsName Origin { get; }

    public DnsClass Class { get; }

    public IReadOnlyList<CompiledRRset> RRsets => _rrsets;

    /// <summary>The RRsets without copying.</summary>
    public ReadOnlySpan<CompiledRRset> RRsetSpan => _rrsets;

    internal CompiledRRset[] RRsetArray => _rrsets;

    public int RecordCount => _rrsets.Sum(set => set.Data.Length);
}
