using System.Text;
using FsCheck.Xunit;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;

namespace Meridian.Dns.Tests.RdataModern;

/// <summary>Properties over arbitrary wire data for every type this half registers.</summary>
public class RdataPropertyTests
{
    internal static readonly DnsType[] ModernTypes =
    [
        DnsType.SVCB, DnsType.HTTPS, DnsType.LOC, DnsType.APL, DnsType.IPSECKEY, DnsType.HIP, DnsType.A6,
        DnsType.AMTRELAY, DnsType.ATMA, DnsType.NID, DnsType.L64, DnsType.L32, DnsType.LP, DnsType.EUI48,
        DnsType.EUI64, DnsType.TALINK, DnsType.DOA, DnsType.AVC, DnsType.RESINFO, DnsType.WALLET,
        DnsType.DSYNC, DnsType.HHIT, DnsType.BRID,
    ];

    [Fact]
    public void Every_modern_type_has_a_format()
    {
        foreach (var type in ModernTypes) Assert.NotNull(RdataFormats.Find(type));
    }

    [Property(MaxTest = 2000)]
    public void Arbitrary_bytes_never_make_TryFormat_throw_and_what_prints_reads_back(byte[] rdata)
    {
        foreach (var type in ModernTypes) AssertPrintsAndReadsBack(type, rdata);
    }

    [Property(MaxTest = 2000)]
    public void Arbitrary_bytes_after_a_valid_head_never_make_TryFormat_throw(byte[] tail)
    {
        // Random bytes rarely get past the first checks; behind a plausible head they reach the rest.
        foreach (var (type, head) in Heads)
        {
            var rdata = new byte[head.Length + tail.Length];
            head.CopyTo(rdata, 0);
            tail.CopyTo(rdata, head.Length);
            AssertPrintsAndReadsBack(type, rdata);
        }
    }

    [Fact]
    public void Every_prefix_of_bind_accepted_data_is_refused_or_prints_text_that_reads_back()
    {
        foreach (var (type, wire) in BindAcceptedWire())
        {
            for (int length = 0; length <= wire.Length; length++) AssertPrintsAndReadsBack(type, wire.AsSpan(0, length).ToArray());
        }
    }

    private static readonly (DnsType Type, byte[] Head)[] Heads =
    [
        (DnsType.SVCB, RdataHarness.Hex("0001 00")),
        (DnsType.SVCB, RdataHarness.Hex("0001 00 0000 0002 0001")),
        (DnsType.HTTPS, RdataHarness.Hex("0001 03666f6f00 0001")),
        (DnsType.LOC, RdataHarness.Hex("00 12 16 13 80000000")),
        (DnsType.APL, RdataHarness.Hex("0001 18 03 c00002")),
        (DnsType.IPSECKEY, RdataHarness.Hex("0a 03 02")),
        (DnsType.HIP, RdataHarness.Hex("02 02 0001 2001")),
        (DnsType.A6, RdataHarness.Hex("40 0000000000000001")),
        (DnsType.AMTRELAY, RdataHarness.Hex("00 03")),
        (DnsType.DOA, RdataHarness.Hex("00000000 00000001 02")),
        (DnsType.DSYNC, RdataHarness.Hex("003b 01 0035")),
        (DnsType.LP, RdataHarness.Hex("000a")),
    ];

    private static void AssertPrintsAndReadsBack(DnsType type, byte[] rdata)
    {
        var format = RdataFormats.Find(type)!;
        var text = new StringBuilder();
        if (!format.TryFormat(rdata, text)) return;
        string printed = text.ToString();
        Assert.True(RdataHarness.TryParse(type, printed, out var reread, out var error), $"{type} {printed}: {error}");
        Assert.Equal(rdata, reread);
    }

    internal static IEnumerable<(DnsType Type, byte[] Wire)> BindAcceptedWire()
    {
        foreach (string row in BindCases.Tsv.Split('\n'))
        {
            string[] fields = row.Split('\t');
            if (fields[2] != "ok") continue;
            var type = RdataHarness.Type(fields[0]);
            if (RdataHarness.TryParse(type, fields[1], out var wire, out _)) yield return (type, wire);
        }
    }
}
