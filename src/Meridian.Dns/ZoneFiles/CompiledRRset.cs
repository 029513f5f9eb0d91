using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>One RRset as BIND's zone database holds it after loading: records in canonical RDATA order
/// without duplicates, one TTL, and the owner spelled as when the RRset was first stored.</summary>
public sealed class CompiledRRset
{
    internal CompiledRRset(DnsName owner, DnsType type, DnsType covers, DnsClass dnsClass, uint ttl, byte[][] data)
    {
        Owner = owner;
        Type = type;
        Covers = covers;
        Class = dnsClass;
        Ttl = ttl;
        Data = data;
    }

    public DnsName Owner { get; }

    public DnsType Type { get; }

    /// <summary>For RRSIG and SIG, the covered type; otherwise <see cref="DnsType.None"/>.</summary>
    public DnsType Covers { get; }

    public DnsClass Class { get; }

    public uint Ttl { get; }

    /// <summary>RDATA of each record, in canonical order.</summary>
    public IReadOnlyList<byte[]> Data { get; }

    /// <summary>For RRSIG sets, when BIND would re-sign (seconds since 1970, 32-bit), printed by
    /// named-compilezone as a "; resign=" comment; null when BIND keeps none.</summary>
    public uint? Resign { get; internal set; }

    /// <summary>NSEC3 records and their signatures live in BIND's separate NSEC3 tree, dumped after the rest.</summary>
    public bool InNsec3Tree { get; internal set; }

    /// <summary>Where the RRset's first record (in file order) was written.</summary>
    public ZoneFilePosition FirstPosition { get; internal set; }

    /// <summary>Where its last record (in file order) was written.</summary>
    public ZoneFilePosition LastPosition { get; internal set; }

    /// <summary>Reading order of the first record, for reporting problems in file order.</summary>
    internal int FirstSequence { get; set; }

    public IEnumerable<ResourceRecord> Records()
    {
        foreach (var data in Data) yield return new ResourceRecord(Owner, Type, Class, Ttl, data);
    }
}
