using System.Text;
using System.Text.RegularExpressions;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;

namespace Meridian.Dns.Tests.Rdata;

/// <summary>Checks the rdata formats against BIND itself: TestZones/classic-types.db was read by
/// named-compilezone into classic-types.bind.txt, every line of classic-errors.in was refused by it with
/// the message kept in classic-errors.tsv, and each wire form in classic-wire.in was offered to it as
/// generic data with the verdict kept in classic-wire.tsv (TestZones/regenerate.sh redoes all three).</summary>
public partial class BindTestZoneTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Rdata", "TestZones");

    /// <summary>Zone files are octets; Latin-1 maps each to one char, as the tokenizer expects.</summary>
    private static IEnumerable<string> ReadLatin1(string file) =>
        File.ReadLines(Path.Combine(Directory, file), Encoding.Latin1);

    [GeneratedRegex(@"^(\S+)\s+\d+\s+IN\s+(\S+)\s+(.*)$")]
    private static partial Regex BindRecordLine();

    public static TheoryData<string, string, string, string> ZoneRecords()
    {
        // Owner and type name one record: each owner of the test zone holds one RRset of one record.
        var printed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in ReadLatin1("classic-types.bind.txt"))
        {
            var match = BindRecordLine().Match(line);
            if (match.Success) printed[match.Groups[1].Value + " " + match.Groups[2].Value] = match.Groups[3].Value;
        }
        var data = new TheoryData<string, string, string, string>();
        foreach (string line in ReadLatin1("classic-types.db"))
        {
            if (line.Length == 0 || line[0] is ';' or '$') continue;
            string[] parts = line.Split(' ', 3);
            string owner = parts[0] == "@" ? "example." : parts[0] + ".example.";
            data.Add(owner, parts[1], parts[2], printed[owner + " " + parts[1]]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ZoneRecords))]
    public void Rdata_prints_as_BIND_prints_it(string owner, string type, string rdata, string bindPrinted)
    {
        Assert.True(DnsTypeNames.TryParse(type, out var dnsType), owner);
        byte[] wire = RdataLine.Parse(dnsType, rdata);
        string printed = RdataLine.Format(dnsType, wire);
        Assert.Equal(RdataLine.Squeeze(bindPrinted), RdataLine.Squeeze(printed));
        // What we print reads back to the same octets.
        Assert.Equal(wire, RdataLine.Parse(dnsType, printed));
    }

    public static TheoryData<string, string, string> RefusedRdata()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string line in ReadLatin1("classic-errors.tsv"))
        {
            string[] parts = line.Split('\t');
            data.Add(parts[0], parts[1], parts[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedRdata))]
    public void Bad_rdata_is_refused_with_BINDs_message(string type, string rdata, string bindMessage)
    {
        Assert.True(DnsTypeNames.TryParse(type, out var dnsType), type);
        Assert.False(RdataLine.TryParse(dnsType, rdata, out _, out var error), $"{type} {rdata} was accepted");
        Assert.Equal(bindMessage, error);
    }

    public static TheoryData<string, string, bool> WireData()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string line in ReadLatin1("classic-wire.tsv"))
        {
            string[] parts = line.Split('\t');
            data.Add(parts[0], parts[1], parts[2] == "ACCEPTED");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WireData))]
    public void Wire_data_is_valid_exactly_when_BIND_takes_it(string type, string hex, bool bindAccepts)
    {
        Assert.True(DnsTypeNames.TryParse(type, out var dnsType), type);
        var format = RdataFormats.Find(dnsType);
        Assert.NotNull(format);
        Assert.Equal(bindAccepts, format.TryFormat(Convert.FromHexString(hex), new StringBuilder()));
        // The generic form is checked against the type the same way.
        string generic = $"\\# {hex.Length / 2} {hex}";
        Assert.Equal(bindAccepts, RdataLine.TryParse(dnsType, generic, out _, out _));
    }
}
