using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>One RRset as BIND's zone database holds it after loading: records in canonical RDATA order
/// without duplicates, one TTL, and the owner spelled as when the RRset was first stored. A value type:
/// a million-record zone keeps its RRsets in one array.</summary>
public readonly record struct CompiledRRset
{
    public required DnsName Owner { get; init; }

    public required DnsType Type { get; init; }

    /// <summary>For RRSIG and SIG, the covered type; otherwise <see cref="DnsType.None"/>.</summary>
    public DnsType Covers { get; init; }

    public required DnsClass Class { get; init; }

    public required uint Ttl { get; init; }

    /// <summary>RDATA of each record, in canonical order.</summary>
    public required ReadOnlyMemory<byte[]> Data { get; init; }

    /// <summary>For RRSIG sets, when BIND would re-sign (seconds since 1970, 32-bit), printed by
    /// named-compilezone as a "; resign=" comment; null when BIND keeps none.</summary>
    public uint? Resign { get; init; }

    /// <summary>NSEC3 records and their signatures live in BIND's separate NSEC3 tree, dumped after the rest.</summary>
    public bool InNsec3Tree { get; init; }

    /// <summary>Where the RRset's first record (in file order) was written.</summary>
    public ZoneFilePosition FirstPosition { get; init; }

    /// <summary>Where its last record (in file order) was written.</summary>
    public ZoneFilePosition LastPosition { get; init; }

    /// <summary>Reading order of the first record, for reporting problems in file order.</summary>
    internal int FirstSequence { get; init; }

    public IEnumerable<ResourceRecord> Records()
    {
        for (int i = 0; i < Data.Length; i++) yield return new ResourceRecord(Owner, Type, Class, Ttl, Data.Span[i]);
    }
}
