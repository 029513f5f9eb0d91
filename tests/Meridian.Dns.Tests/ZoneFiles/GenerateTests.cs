using System.Text;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;
using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary><c>$GENERATE</c> with BIND's full syntax. Expected owners and data were printed by
/// named-compilezone 9.18 for the same lines.</summary>
public class GenerateTests
{
    // Generated records are committed at once, before the head's records still waiting for their owner
    // to change, so they are picked by line rather than by order.
    private static List<ReadRecord> Generated(string text) => [.. ReadValid(Head + text).Where(r => r.Position.Line > 4)];

    private static List<string> Owners(string generateLine) => [.. Generated(generateLine + "\n").Select(r => r.Owner)];

    [Theory]
    [InlineData("$GENERATE 1-3 h$ A 192.0.2.$", "h1.example. h2.example. h3.example.")]
    [InlineData("$GENERATE 0-10/5 s$ A 192.0.2.$", "s0.example. s5.example. s10.example.")]
    [InlineData("$GENERATE 1-2 w${0,3} A 192.0.2.1", "w001.example. w002.example.")]
    [InlineData("$GENERATE 10-10 x${0,4,x}-${0,4,X}-${0,4,o}-${5,0,d} A 192.0.2.1", "x000a-000A-0012-15.example.")]
    [InlineData("$GENERATE 255-255 ${0,0,n} A 192.0.2.1", "f.f.example.")]
    [InlineData("$GENERATE 255-255 ${0,5,N}.up A 192.0.2.1", "F.F.0.up.example.")]
    [InlineData("$GENERATE 1-1 d$$ A 192.0.2.1", "d\\$.example.")]
    [InlineData("$GENERATE 1-1 e\\$ A 192.0.2.1", "e\\$.example.")]
    [InlineData("$GENERATE 1-1 n${-5} A 192.0.2.1", "n-4.example.")]
    [InlineData("$GENERATE 1-1 @ A 192.0.2.1", "example.")]
    public void Owner_template_expands_as_in_BIND(string line, string owners)
    {
        Assert.Equal(owners.Split(' '), Owners(line));
    }

    [Fact]
    public void Offset_of_a_modifier_carries_over_to_later_dollar_signs()
    {
        Assert.Equal(["o2-2.example.", "o3-3.example."], Owners("$GENERATE 5-6 o${-3}-$ A 192.0.2.1"));
    }

    [Fact]
    public void Text_after_the_range_is_ignored_as_BINDs_sscanf_does()
    {
        Assert.Equal(10, Owners("$GENERATE 1-10x r$ A 192.0.2.1").Count);
    }

    [Fact]
    public void Data_template_is_expanded_and_read_with_quotes()
    {
        var records = Generated("$GENERATE 1-2 h$ A 192.0.2.$\n$GENERATE 1-1 q$ TXT \"a b $\"\n");
        Assert.Equal(["192.0.2.1", "192.0.2.2", "\"a\" \"b\" \"1\""], records.Select(r => r.Data));
    }

    [Fact]
    public void Ttl_and_class_may_come_in_either_order()
    {
        var records = Generated("$GENERATE 1-1 c$ IN 60 CNAME t$\n$GENERATE 2-2 c$ 70 IN CNAME t$\n$GENERATE 3-3 c$ CNAME t$\n");
        Assert.Equal([(60u, "t1.example."), (70u, "t2.example."), (300u, "t3.example.")], records.Select(r => (r.Ttl, r.Data)));
    }

    [Fact]
    public void Generated_owners_outside_the_zone_are_dropped_with_a_warning()
    {
        var result = Read(Head + "$GENERATE 1-1 p$.example.net. A 192.0.2.1\n");
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Records.Count);
        Assert.Equal("test.zone:5:15: ignoring out-of-zone data (p1.example.net)", Assert.Single(result.Warnings).ToString());
    }

    [Fact]
    public void Generated_records_come_out_before_the_records_still_gathered_for_their_owner()
    {
        var records = ReadValid(Head + "$GENERATE 1-1 g$ A 192.0.2.1\n");
        Assert.Equal("g1.example.", records[0].Owner);
    }

    [Fact]
    public void Each_generated_record_is_its_own_commit_group()
    {
        var records = Generated("$GENERATE 1-3 same A 192.0.2.$\n");
        Assert.Equal(3, records.Select(r => r.Group).Distinct().Count());
    }

    [Theory]
    [InlineData("$GENERATE 9--10 h$ A 192.0.2.$", "test.zone:5:11: invalid range '9--10'")]
    [InlineData("$GENERATE 5-1 h$ A 192.0.2.$", "test.zone:5:11: invalid range '5-1'")]
    [InlineData("$GENERATE 1-5/0 h$ A 192.0.2.$", "test.zone:5:11: invalid range '1-5/0'")]
    [InlineData("$GENERATE 1-5/ h$ A 192.0.2.$", "test.zone:5:11: invalid range '1-5/'")]
    [InlineData("$GENERATE 1-2 h${0,3,d A 192.0.2.$", "test.zone:5:15: syntax error")]
    [InlineData("$GENERATE 1-2 h${} A 192.0.2.$", "test.zone:5:15: syntax error")]
    [InlineData("$GENERATE 1-2 h$ FOO x", "test.zone:5:18: unknown RR type 'FOO'")]
    [InlineData("$GENERATE 1-2 h$ A 192.0.2", "test.zone:5:20: bad dotted quad")]
    [InlineData("$GENERATE 1-2 h$ A", "test.zone:5:19: unexpected end of input")]
    [InlineData("$GENERATE 1-2 h$ CH A 192.0.2.1", "test.zone:5:18: class 'CH' != zone class 'IN'")]
    [InlineData("$GENERATE 1-2 h$ A 192.0.2.$ extra", "test.zone:5:30: extra input text")]
    public void Bad_generate_lines_are_refused(string line, string expected)
    {
        Assert.Equal(expected, FirstError(Head + line + "\n"));
    }

    [Theory]
    [InlineData("1-10", 1, 10, 1)]
    [InlineData("0-100/7", 0, 100, 7)]
    [InlineData("+2-+4", 2, 4, 1)]
    [InlineData("19-28/2147483645", 19, 28, 2147483645)]
    public void Ranges_parse_like_BINDs_sscanf(string text, int start, int stop, int step)
    {
        Assert.True(GenerateTemplate.TryParseRange(Encoding.ASCII.GetBytes(text), out int a, out int b, out int c));
        Assert.Equal((start, stop, step), (a, b, c));
    }

    [Fact]
    public void Huge_step_stops_after_the_first_value()
    {
        var records = Generated("$GENERATE 19-28/2147483645 $ CNAME x\n");
        Assert.Equal("19.example.", Assert.Single(records).Owner);
        Assert.Equal(DnsType.CNAME, records[0].Record.Type);
    }

    [Fact]
    public void Records_are_generated_as_they_are_read_so_a_huge_range_costs_nothing_up_front()
    {
        var reader = new ZoneFileReader(Encoding.ASCII.GetBytes("$TTL 60\n$GENERATE 0-2000000000 h$ A 192.0.2.1\n"),
            new ZoneFileReaderOptions { Origin = Meridian.Dns.Names.DnsName.Parse("example.") });
        var owners = new List<string>();
        for (int i = 0; i < 3 && reader.TryReadNext(out var record); i++) owners.Add(record.Owner.ToString());
        Assert.Equal(["h0.example.", "h1.example.", "h2.example."], owners);
    }
}
