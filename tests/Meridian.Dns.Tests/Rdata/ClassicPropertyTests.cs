using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;

namespace Meridian.Dns.Tests.Rdata;

public class ClassicPropertyTests
{
    private static readonly DnsType[] ClassicTypes =
    [
        DnsType.SOA, DnsType.MX, DnsType.TXT, DnsType.SPF, DnsType.HINFO, DnsType.MINFO, DnsType.RP, DnsType.AFSDB,
        DnsType.RT, DnsType.KX, DnsType.PX, DnsType.X25, DnsType.ISDN, DnsType.NSAP, DnsType.NSAPPTR, DnsType.WKS,
        DnsType.MB, DnsType.MD, DnsType.MF, DnsType.MG, DnsType.MR, DnsType.SRV, DnsType.NAPTR, DnsType.CAA,
        DnsType.URI, DnsType.TLSA, DnsType.SMIMEA, DnsType.SSHFP, DnsType.DS, DnsType.CDS, DnsType.DLV, DnsType.TA,
        DnsType.DNSKEY, DnsType.CDNSKEY, DnsType.KEY, DnsType.RKEY, DnsType.RRSIG, DnsType.SIG, DnsType.NSEC,
        DnsType.NSEC3, DnsType.NSEC3PARAM, DnsType.NXT, DnsType.ZONEMD, DnsType.CSYNC, DnsType.DHCID,
        DnsType.OPENPGPKEY, DnsType.CERT, DnsType.GPOS, DnsType.EID, DnsType.NIMLOC, DnsType.NINFO, DnsType.SINK,
    ];

    [Fact]
    public void Every_classic_type_has_a_format()
    {
        foreach (var type in ClassicTypes) Assert.NotNull(RdataFormats.Find(type));
    }

    /// <summary>Any octets: the format refuses or prints, never throws, and what it prints reads back to
    /// the same octets.</summary>
    [Property(MaxTest = 400)]
    public void Random_wire_data_is_refused_or_printed_so_that_it_reads_back(byte[] data)
    {
        foreach (var type in ClassicTypes)
        {
            var output = new StringBuilder();
            if (!RdataFormats.Find(type)!.TryFormat(data, output)) continue;
            Assert.True(RdataLine.TryParse(type, output.ToString(), out var wire, out var error), $"{type} {output}: {error}");
            Assert.Equal(data, wire);
        }
    }

    /// <summary>Wire data shaped like the type (a valid prefix, then random octets) reaches the deeper checks.</summary>
    [Property(MaxTest = 400)]
    public void Random_tails_after_valid_heads_never_throw(byte[] tail, byte headIndex)
    {
        string[] heads =
        [
            "MX 1 a.", "SRV 1 2 3 .", "NAPTR 1 1 \"u\" \"\" \"\" .", "RRSIG A 8 1 1 1 1 1 a. AA==", "NSEC a. A",
            "NSEC3 1 0 0 - 2t7b4g4vsa5smi47k61mv5bv1a22bojr", "CAA 0 issue \"\"", "DS 1 8 9 00", "SOA . . 1 1 1 1 1",
            "KEY NOKEY 3 1", "WKS 1.2.3.4 6", "CSYNC 1 1", "NXT a.",
        ];
        string head = heads[headIndex % heads.Length];
        Assert.True(DnsTypeNames.TryParse(head.Split(' ')[0], out var type));
        byte[] data = [.. RdataLine.Parse(type, head[(head.IndexOf(' ', StringComparison.Ordinal) + 1)..]), .. tail];
        var output = new StringBuilder();
        if (!RdataFormats.Find(type)!.TryFormat(data, output)) return;
        Assert.True(RdataLine.TryParse(type, output.ToString(), out var wire, out var error), $"{type} {output}: {error}");
        Assert.Equal(data, wire);
    }

    /// <summary>TXT strings of any octets print with BIND's escapes and read back unchanged.</summary>
    [Property(MaxTest = 300)]
    public Property Txt_strings_round_trip(byte[][] strings)
    {
        var wire = new List<byte>();
        foreach (byte[] s in strings.Where(s => s is not null).Take(20))
        {
            byte[] value = s.Take(255).ToArray();
            wire.Add((byte)value.Length);
            wire.AddRange(value);
        }
        if (wire.Count == 0) wire.Add(0);
        string text = RdataLine.Format(DnsType.TXT, [.. wire]);
        bool printable = text.All(c => c is >= ' ' and <= '~');
        return (printable && RdataLine.Parse(DnsType.TXT, text).SequenceEqual(wire)).ToProperty();
    }

    /// <summary>Ordering is a total order consistent with equality of the canonical form.</summary>
    [Property(MaxTest = 300)]
    public void Compare_is_antisymmetric_and_zero_only_for_the_same_canonical_data(byte[] a, byte[] b)
    {
        foreach (var type in new[] { DnsType.MX, DnsType.NSEC, DnsType.TXT, DnsType.RRSIG, DnsType.NAPTR })
        {
            int ab = RdataOrdering.Compare(type, a, b);
            int ba = RdataOrdering.Compare(type, b, a);
            Assert.Equal(Math.Sign(ab), -Math.Sign(ba));
            byte[] ca = a.ToArray(), cb = b.ToArray();
            RdataOrdering.Canonicalize(type, ca);
            RdataOrdering.Canonicalize(type, cb);
            Assert.Equal(ab == 0, ca.AsSpan().SequenceEqual(cb));
        }
    }
}
