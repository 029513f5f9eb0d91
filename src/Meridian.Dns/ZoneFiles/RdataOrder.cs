using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>The order BIND keeps an RRset's records in, and what it counts as a duplicate.</summary>
internal static class RdataOrder
{
    // Placeholder until Rdata/RdataOrdering lands: plain octet order, which is BIND's order for
    // every type without embedded names.
    public static int Compare(DnsType type, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        _ = type;
        return a.SequenceCompareTo(b);
    }
}
