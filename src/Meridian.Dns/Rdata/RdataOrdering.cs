using System.Buffers;
using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.Rdata;

/// <summary>The order of the records of one RRset as BIND keeps and prints them: DNSSEC canonical RDATA
/// order (RFC 4034 §6.3), octet-wise over the wire form with the embedded names of the RFC 4034 §6.2 types
/// lowercased, NSEC excluded (RFC 6840 §5.1). BIND also folds the name of NSAP-PTR, so we do too.
/// Records that compare equal are duplicates, which BIND keeps once.</summary>
public static class RdataOrdering
{
    /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>.</summary>
    public static int Compare(DnsType type, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (!HasFoldedNames(type)) return a.SequenceCompareTo(b);
        byte[] bufferA = ArrayPool<byte>.Shared.Rent(a.Length);
        byte[] bufferB = ArrayPool<byte>.Shared.Rent(b.Length);
        try
        {
            var lowerA = bufferA.AsSpan(0, a.Length);
            var lowerB = bufferB.AsSpan(0, b.Length);
            a.CopyTo(lowerA);
            b.CopyTo(lowerB);
            Canonicalize(type, lowerA);
            Canonicalize(type, lowerB);
            return lowerA.SequenceCompareTo(lowerB);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bufferA);
            ArrayPool<byte>.Shared.Return(bufferB);
        }
    }

    /// <summary>True for the types whose embedded names are compared (and signed) in lowercase.</summary>
    public static bool HasFoldedNames(DnsType type) => type switch
    {
        DnsType.NS or DnsType.MD or DnsType.MF or DnsType.CNAME or DnsType.SOA or DnsType.MB or DnsType.MG
            or DnsType.MR or DnsType.PTR or DnsType.MINFO or DnsType.MX or DnsType.RP or DnsType.AFSDB
            or DnsType.RT or DnsType.SIG or DnsType.PX or DnsType.NXT or DnsType.NAPTR or DnsType.KX
            or DnsType.SRV or DnsType.DNAME or DnsType.A6 or DnsType.RRSIG or DnsType.NSAPPTR => true,
        _ => false,
    };

    /// <summary>Lowercases, in place, the ASCII letters of the names embedded in the data of the types
    /// <see cref="HasFoldedNames"/> lists; other types and malformed data are left as they are.</summary>
    public static void Canonicalize(DnsType type, Span<byte> rdata)
    {
        switch (type)
        {
            case DnsType.NS or DnsType.MD or DnsType.MF or DnsType.CNAME or DnsType.MB or DnsType.MG or DnsType.MR
                or DnsType.PTR or DnsType.DNAME or DnsType.NSAPPTR or DnsType.NXT:
                FoldName(rdata, 0);
                break;
            case DnsType.SOA or DnsType.MINFO or DnsType.RP:
                FoldName(rdata, FoldName(rdata, 0));
                break;
            case DnsType.MX or DnsType.AFSDB or DnsType.RT or DnsType.KX:
                FoldName(rdata, 2);
                break;
            case DnsType.PX:
                FoldName(rdata, FoldName(rdata, 2));
                break;
            case DnsType.SRV:
                FoldName(rdata, 6);
                break;
            case DnsType.RRSIG or DnsType.SIG:
                FoldName(rdata, 18);
                break;
            case DnsType.NAPTR:
                FoldName(rdata, SkipStrings(rdata, 4, 3));
                break;
            case DnsType.A6 when rdata.Length > 0 && rdata[0] is > 0 and <= 128:
                // Prefix length, then the address bits not covered by the prefix, then the prefix name.
                FoldName(rdata, 1 + (128 - rdata[0] + 7) / 8);
                break;
        }
    }

    /// <summary>Lowercases the name at <paramref name="offset"/> and returns the offset after it, or -1
    /// (doing nothing) when no valid name is there.</summary>
    private static int FoldName(Span<byte> rdata, int offset)
    {
        if (offset < 0 || !WireNames.TryGetLength(rdata, offset, out int length)) return -1;
        DnsName.LowercaseInPlace(rdata.Slice(offset, length));
        return offset + length;
    }

    private static int SkipStrings(ReadOnlySpan<byte> rdata, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (offset >= rdata.Length) return -1;
            offset += 1 + rdata[offset];
        }
        return offset;
    }
}
