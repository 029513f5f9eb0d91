using System.Text;
using System.Text.RegularExpressions;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;

namespace Meridian.Dns.Tests.Rdata;

public partial class RdataOrderingTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Rdata", "TestZones");

    [GeneratedRegex(@"^(\S+)\s+\d+\s+IN\s+(\S+)\s+(.*)$")]
    private static partial Regex BindRecordLine();

    /// <summary>Sorts an RRset the way BIND does: canonical order, one record per duplicate, the last
    /// one read winning (it decides the case that is printed).</summary>
    private static List<byte[]> SortLikeBind(DnsType type, IEnumerable<byte[]> records)
    {
        var kept = new List<byte[]>();
        foreach (byte[] record in records)
        {
            int duplicate = kept.FindIndex(k => RdataOrdering.Compare(type, k, record) == 0);
            if (duplicate >= 0) kept[duplicate] = record;
            else kept.Add(record);
        }
        kept.Sort((a, b) => RdataOrdering.Compare(type, a, b));
        return kept;
    }

    [Fact]
    public void RRsets_sort_and_lose_duplicates_as_in_named_compilezone()
    {
        var written = new Dictionary<(string Owner, string Type), List<string>>();
        foreach (string line in File.ReadLines(Path.Combine(Directory, "classic-order.db"), Encoding.Latin1))
        {
            if (line.Length == 0 || line[0] is ';' or '$') continue;
            string[] parts = line.Split(' ', 3);
            string owner = parts[0] == "@" ? "example." : parts[0] + ".example.";
            if (!written.TryGetValue((owner, parts[1]), out var list)) written[(owner, parts[1])] = list = [];
            list.Add(parts[2]);
        }
        var printed = new Dictionary<(string Owner, string Type), List<string>>();
        foreach (string line in File.ReadLines(Path.Combine(Directory, "classic-order.bind.txt"), Encoding.Latin1))
        {
            var match = BindRecordLine().Match(line);
            if (!match.Success) continue;
            var key = (match.Groups[1].Value, match.Groups[2].Value);
            if (!printed.TryGetValue(key, out var list)) printed[key] = list = [];
            list.Add(RdataLine.Squeeze(match.Groups[3].Value));
        }

        Assert.Equal(printed.Keys.Order(), written.Keys.Order());
        foreach (var ((owner, typeName), texts) in written)
        {
            Assert.True(DnsTypeNames.TryParse(typeName, out var type));
            var ours = SortLikeBind(type, texts.Select(t => RdataLine.Parse(type, t)))
                .Select(wire => RdataLine.Squeeze(RdataLine.Format(type, wire)));
            Assert.Equal(printed[(owner, typeName)], ours);
        }
    }

    [Fact]
    public void Names_fold_only_for_the_types_whose_names_are_canonicalized()
    {
        byte[] upper = RdataLine.Parse(DnsType.NSEC, "A.example. A");
        byte[] lower = RdataLine.Parse(DnsType.NSEC, "a.example. A");
        Assert.True(RdataOrdering.Compare(DnsType.NSEC, upper, lower) < 0);

        byte[] mxUpper = RdataLine.Parse(DnsType.MX, "1 A.example.");
        byte[] mxLower = RdataLine.Parse(DnsType.MX, "1 a.example.");
        Assert.Equal(0, RdataOrdering.Compare(DnsType.MX, mxUpper, mxLower));
        Assert.True(RdataOrdering.HasFoldedNames(DnsType.NSAPPTR));
        Assert.False(RdataOrdering.HasFoldedNames(DnsType.NSEC));
        Assert.False(RdataOrdering.HasFoldedNames(DnsType.TXT));
    }

    [Theory]
    [InlineData(DnsType.SOA, "NS.Example. Host.Example. 1 2 3 4 5", "ns.example. host.example. 1 2 3 4 5")]
    [InlineData(DnsType.NAPTR, "1 1 \"U\" \"E2U\" \"\" Target.Example.", "1 1 \"U\" \"E2U\" \"\" target.example.")]
    [InlineData(DnsType.PX, "1 A.B. C.D.", "1 a.b. c.d.")]
    [InlineData(DnsType.RRSIG, "A 8 2 3 4 5 6 Example. AbCd", "A 8 2 3 4 5 6 example. AbCd")]
    [InlineData(DnsType.SRV, "0 0 1 A.", "0 0 1 a.")]
    [InlineData(DnsType.NXT, "A.B. A", "a.b. A")]
    [InlineData(DnsType.TXT, "\"ABC\"", "\"ABC\"")]
    [InlineData(DnsType.NSEC, "A.B. A", "A.B. A")]
    [InlineData(DnsType.CAA, "0 ISSUE \"CA\"", "0 ISSUE \"CA\"")]
    public void Canonicalize_lowercases_embedded_names_and_nothing_else(DnsType type, string text, string expected)
    {
        byte[] wire = RdataLine.Parse(type, text);
        RdataOrdering.Canonicalize(type, wire);
        Assert.Equal(RdataLine.Parse(type, expected), wire);
    }

    [Fact]
    public void Canonicalize_leaves_malformed_data_alone()
    {
        byte[] truncated = [0x00, 0x01, 0x05, (byte)'A'];
        RdataOrdering.Canonicalize(DnsType.MX, truncated);
        Assert.Equal(new byte[] { 0x00, 0x01, 0x05, (byte)'A' }, truncated);
        RdataOrdering.Canonicalize(DnsType.NAPTR, new byte[] { 0, 1, 0, 1, 9 });
        RdataOrdering.Canonicalize(DnsType.A6, new byte[] { 200 });
    }
}
