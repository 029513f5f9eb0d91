using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;
using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>The reader's syntax, one feature at a time. Every expectation here was checked by loading the
/// same text with named-compilezone 9.18 (-i none -k ignore).</summary>
public class ZoneFileReaderTests
{
    [Fact]
    public void Origin_directive_makes_later_relative_names_relative_to_it()
    {
        var records = ReadValid(Head + "$ORIGIN sub.example.\nwww A 192.0.2.2\nalias CNAME www\nabs.example. A 192.0.2.3\n");
        Assert.Contains(records, r => r.Owner == "www.sub.example." && r.Data == "192.0.2.2");
        Assert.Contains(records, r => r.Owner == "alias.sub.example." && r.Data == "www.sub.example.");
        Assert.Contains(records, r => r.Owner == "abs.example.");
    }

    [Fact]
    public void Relative_origin_directive_is_relative_to_the_current_origin()
    {
        var records = ReadValid(Head + "$ORIGIN b\nc A 192.0.2.2\n");
        Assert.Contains(records, r => r.Owner == "c.b.example.");
    }

    [Fact]
    public void At_sign_is_the_origin_and_a_blank_owner_repeats_the_previous_one()
    {
        var records = ReadValid(Head + "www A 192.0.2.2\n\tAAAA 2001:db8::2\n@ TXT \"apex\"\n");
        Assert.Equal("www.example.", records.Single(r => r.Record.Type == DnsType.AAAA).Owner);
        Assert.Equal("example.", records.Single(r => r.Record.Type == DnsType.TXT).Owner);
    }

    [Theory]
    [InlineData("300", 300u)]
    [InlineData("1h", 3600u)]
    [InlineData("1H30m", 5400u)]
    [InlineData("1w2d", 777600u)]
    [InlineData("2D", 172800u)]
    [InlineData("1s1m1m", 121u)]
    [InlineData("0s5", 5u)]
    [InlineData("4294967295", 0u)] // above 2^31-1: set to 0
    public void Ttl_directive_takes_numbers_and_units_as_BIND_does(string ttl, uint expected)
    {
        var records = ReadValid($"$TTL {ttl}\n@ SOA ns hostmaster 1 2 3 4 5\n");
        Assert.Equal(expected, records[0].Ttl);
    }

    [Fact]
    public void Ttl_and_class_come_in_either_order()
    {
        var records = ReadValid(Head + "a 60 IN A 192.0.2.2\nb IN 70 A 192.0.2.3\nc IN A 192.0.2.4\nd 80 A 192.0.2.5\n");
        Assert.Equal([60u, 70u, 300u, 80u], records.Skip(3).Select(r => r.Ttl));
    }

    [Fact]
    public void Export_style_with_ttl_after_class_and_units_is_read()
    {
        var records = ReadValid("$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\ni.b4y.net. IN 1d CNAME x.b-cdn.net.\n", "b4y.net.");
        var cname = records.Single(r => r.Record.Type == DnsType.CNAME);
        Assert.Equal(("i.b4y.net.", 86400u, "x.b-cdn.net."), (cname.Owner, cname.Ttl, cname.Data));
    }

    [Fact]
    public void Parentheses_join_lines_and_comments_may_sit_anywhere()
    {
        var records = ReadValid("""
            $TTL 300 ; default
            @ IN SOA ns hostmaster ( ; the SOA
                     7      ; serial
                     3600 600 86400
                     120 ) ; end
            ;; a comment line
                ; an indented comment line
            t TXT ( "a" ; first
                    "b" )
            """ + "\n");
        Assert.Equal("ns.example. hostmaster.example. 7 3600 600 86400 120", records[0].Data);
        Assert.Equal("\"a\" \"b\"", records[1].Data);
    }

    [Fact]
    public void Quoted_strings_keep_semicolons_parentheses_and_escaped_quotes()
    {
        var records = ReadValid(Head + "t TXT \"semi;colon\" \"(paren)\" \"say \\\"hi\\\"\" \"\\065\\\\\"\n");
        Assert.Equal("\"semi;colon\" \"(paren)\" \"say \\\"hi\\\"\" \"A\\\\\"", records.Single(r => r.Record.Type == DnsType.TXT).Data);
    }

    [Fact]
    public void Escaped_newline_inside_quotes_is_part_of_the_string()
    {
        var records = ReadValid(Head + "t TXT \"two\\\nlines\"\n");
        Assert.Equal("\"two\\010lines\"", records.Single(r => r.Record.Type == DnsType.TXT).Data);
    }

    [Fact]
    public void Escapes_in_owner_names_are_decoded()
    {
        var records = ReadValid(Head + "a\\.dot A 192.0.2.2\nsp\\032ace A 192.0.2.3\n\\065b A 192.0.2.4\n");
        Assert.Equal(["a\\.dot.example.", "sp\\032ace.example.", "Ab.example."], records.Skip(3).Select(r => r.Owner));
    }

    [Fact]
    public void Quoted_owner_is_read_like_an_unquoted_one()
    {
        var records = ReadValid(Head + "\"a b\" A 192.0.2.2\n");
        Assert.Equal("a\\032b.example.", records[3].Owner);
    }

    [Fact]
    public void Crlf_and_lone_cr_end_lines()
    {
        var records = ReadValid("$TTL 300\r\n@ SOA ns hostmaster ( 1 2\r\n 3 4 5 )\r\n NS ns\rns A 192.0.2.1\r\n");
        Assert.Equal(["SOA", "NS", "A"], records.Select(r => r.Record.Type.ToString()));
        Assert.Equal("example.", records[1].Owner);
    }

    [Fact]
    public void Without_ttl_directive_the_soa_minimum_is_the_default()
    {
        var records = ReadValid("@ SOA ns hostmaster 1 2 3 4 120\nns A 192.0.2.1\nb 7 A 192.0.2.2\nc A 192.0.2.3\n");
        Assert.Equal([120u, 120u, 7u, 120u], records.Select(r => r.Ttl));
    }

    [Fact]
    public void Without_any_default_the_last_explicit_ttl_is_reused()
    {
        var result = Read("@ 77 SOA ns hostmaster 1 2 3 4 120\nns A 192.0.2.1\nb 99 A 192.0.2.2\nc A 192.0.2.3\n");
        Assert.Equal([77u, 77u, 99u, 99u], result.Records.Select(r => r.Ttl));
        Assert.Contains(result.Warnings, w => w.Message == "using RFC1035 TTL semantics");
    }

    [Fact]
    public void Within_one_run_of_an_owner_the_first_ttl_of_an_rrset_wins()
    {
        var result = Read(Head + "a 100 A 192.0.2.2\na 200 A 192.0.2.3\na 50 TXT \"x\"\nb A 192.0.2.4\na 400 A 192.0.2.5\n");
        Assert.Equal([100u, 100u, 50u, 300u, 400u], result.Records.Skip(3).Select(r => r.Ttl));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("test.zone:6:7: TTL set to prior TTL (100)", warning.ToString());
    }

    [Fact]
    public void Consecutive_records_of_one_owner_form_one_commit_group_and_case_starts_a_new_one()
    {
        var records = Read(Head + "a A 192.0.2.2\na TXT \"x\"\nA A 192.0.2.3\nb A 192.0.2.4\n").Records.Skip(3).ToList();
        Assert.Equal(records[0].Group, records[1].Group);
        Assert.NotEqual(records[1].Group, records[2].Group);
        Assert.NotEqual(records[2].Group, records[3].Group);
    }

    [Fact]
    public void Repeated_owner_text_reuses_the_same_name_object()
    {
        var records = ReadValid(Head + "www A 192.0.2.2\nwww AAAA 2001:db8::1\n\tTXT \"x\"\n");
        Assert.Same(records[3].Record.Owner, records[4].Record.Owner);
        Assert.Same(records[4].Record.Owner, records[5].Record.Owner);
    }

    [Fact]
    public void Records_outside_the_zone_are_dropped_with_a_warning()
    {
        var result = Read(Head + "example.net. A 192.0.2.2\n\tTXT \"outside too\"\nin A 192.0.2.3\n");
        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Records, r => r.Owner.EndsWith("example.net.", StringComparison.Ordinal));
        Assert.Contains(result.Records, r => r.Owner == "in.example.");
        Assert.Equal("test.zone:5:1: ignoring out-of-zone data (example.net)", Assert.Single(result.Warnings).ToString());
    }

    [Fact]
    public void Ttl_above_the_maximum_becomes_zero_with_a_warning()
    {
        var result = Read(Head + "a 2147483648 A 192.0.2.2\nb 2147483647 A 192.0.2.3\n");
        Assert.Equal([0u, 2147483647u], result.Records.Skip(3).Select(r => r.Ttl));
        Assert.Contains(result.Warnings, w => w.Message == "$TTL 2147483648 > MAXTTL, setting $TTL to 0");
    }

    [Fact]
    public void Zone_of_another_class_takes_its_class_by_name_number_or_default()
    {
        var result = Read("$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\na CLASS10 TXT \"x\"\nb TXT \"y\"\nc A \\# 4 C0000201\n", dnsClass: (DnsClass)10);
        Assert.Empty(result.Errors);
        Assert.All(result.Records, r => Assert.Equal((DnsClass)10, r.Record.Class));
        // A is defined for IN only; in class 10 it is an unknown type in the generic form.
        Assert.Equal([0xC0, 0, 2, 1], result.Single("c.example.", DnsType.A).Record.Data);
    }

    [Fact]
    public void Generic_form_is_read_for_known_and_unknown_types()
    {
        var records = ReadValid(Head + "a A \\# 4 C0 00 02 02\nb TYPE1 192.0.2.3\nu TYPE65000 \\# 3 010203\nn NULL \\# 0\n");
        Assert.Equal("192.0.2.2", records[3].Data);
        Assert.Equal("192.0.2.3", records[4].Data);
        Assert.Equal([1, 2, 3], records[5].Record.Data);
        Assert.Empty(records[6].Record.Data);
    }

    [Fact]
    public void In_txt_a_hash_escape_not_followed_by_a_number_is_text()
    {
        var records = ReadValid(Head + "t TXT \\# text\n");
        Assert.Equal("\"#\" \"text\"", records[3].Data);
    }

    [Fact]
    public void Date_directive_is_accepted()
    {
        var records = ReadValid(Head + "$DATE 20210101000000\na A 192.0.2.2\n");
        Assert.Contains(records, r => r.Owner == "a.example.");
    }

    [Fact]
    public void Positions_point_at_the_first_token_of_the_record_line()
    {
        var records = ReadValid(Head + "\nwww A 192.0.2.2\n\tTXT \"x\"\n");
        Assert.Equal(new ZoneFilePosition("test.zone", 6, 1), records[3].Position);
        Assert.Equal(new ZoneFilePosition("test.zone", 7, 2), records[4].Position);
    }

    [Fact]
    public void Names_in_data_are_relative_to_the_origin_in_force()
    {
        var records = ReadValid(Head + "$ORIGIN sub.example.\nm MX 10 mail\n");
        Assert.Equal("10 mail.sub.example.", records[3].Data);
        Assert.Equal(DnsName.Parse("m.sub.example."), records[3].Record.Owner);
    }
}
