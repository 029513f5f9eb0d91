using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>Syntax the reader refuses, with FILE:LINE:COL. BIND refuses each of these texts too, on the
/// same line, and the messages use its words where it has them (the column is ours: BIND gives none).</summary>
public class ZoneFileReaderErrorTests
{
    [Theory]
    [InlineData("a A 192.0.2\n", "test.zone:5:5: bad dotted quad")]
    [InlineData("a A\n", "test.zone:5:4: unexpected end of input")]
    [InlineData("a TXT\n", "test.zone:5:6: unexpected end of input")]
    [InlineData("a\n", "test.zone:5:2: unexpected end of input")]
    [InlineData("a FOO x\n", "test.zone:5:3: unknown RR type 'FOO'")]
    [InlineData("a 1h30 A 192.0.2.2\n", "test.zone:5:3: unknown RR type '1h30'")]
    [InlineData("a \"300\" A 192.0.2.2\n", "test.zone:5:3: syntax error")]
    [InlineData("a CH TXT \"x\"\n", "test.zone:5:3: class 'CH' != zone class 'IN'")]
    [InlineData("a CS A 192.0.2.2\n", "test.zone:5:3: unknown RR type 'CS'")]
    [InlineData("a A 192.0.2.2 192.0.2.3\n", "test.zone:5:15: extra input text")]
    [InlineData("a TXT ( \"x\"\nb A 192.0.2.2\n", "test.zone:7:1: unbalanced parentheses")]
    [InlineData("a A 192.0.2.2 )\n", "test.zone:5:15: unbalanced parentheses")]
    [InlineData("a TXT \"x\nb A 192.0.2.2\n", "test.zone:5:7: unbalanced quotes")]
    [InlineData("a..b A 192.0.2.2\n", "test.zone:5:1: empty label")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa A 192.0.2.2\n", "test.zone:5:1: label too long")]
    [InlineData("a\\256 A 192.0.2.2\n", "test.zone:5:1: bad escape")]
    [InlineData("a MD ns\n", "test.zone:5:3: type 'MD': obsolete")]
    [InlineData("a TYPE200 \\# 0\n", "test.zone:5:3: type 'TYPE200': invalid use of a meta type")]
    [InlineData("a TYPE0 \\# 0\n", "test.zone:5:3: type 'TYPE0': invalid use of a meta type")]
    [InlineData("a TYPE65000 \\# 3 0102\n", "test.zone:5:18: generic data length does not match the data")]
    [InlineData("$FOO bar\n", "test.zone:5:1: unknown $ directive '$FOO'")]
    [InlineData("$TTL abc\n", "test.zone:5:6: bad ttl")]
    [InlineData("$TTL 5000000000\n", "test.zone:5:6: bad ttl")]
    [InlineData("$TTL 4294967295s1s\n", "test.zone:5:6: out of range")]
    [InlineData("$TTL\n", "test.zone:5:5: unexpected end of input")]
    [InlineData("$TTL 60 70\n", "test.zone:5:9: extra input text")]
    [InlineData("$TTL 60", "test.zone:5:8: extra input text")]
    [InlineData("$ORIGIN\n", "test.zone:5:8: unexpected end of input")]
    [InlineData("$ORIGIN a..b\n", "test.zone:5:9: empty label")]
    [InlineData("$DATE 2021\n", "test.zone:5:7: syntax error")]
    [InlineData("$DATE 20211301000000\n", "test.zone:5:7: out of range")]
    [InlineData("a A 192.0.2.2\\", "test.zone:5:15: unexpected end of input")]
    public void Bad_input_is_refused_with_its_position(string text, string expected)
    {
        Assert.Equal(expected, FirstError(Head + text));
    }

    [Fact]
    public void First_line_starting_with_white_space_has_no_owner()
    {
        Assert.Equal("test.zone:1:2: no current owner name", FirstError(" A 192.0.2.1\n" + Head));
    }

    [Fact]
    public void Record_before_any_ttl_is_refused_unless_it_is_the_soa()
    {
        Assert.Equal("test.zone:1:3: no TTL specified; zone rejected", FirstError("a A 192.0.2.1\n@ SOA ns hostmaster 1 2 3 4 5\n"));
    }

    [Fact]
    public void Name_longer_than_255_octets_runs_out_of_space()
    {
        string label = new('a', 63);
        Assert.Equal("test.zone:5:1: ran out of space", FirstError(Head + $"{label}.{label}.{label}.{label} A 192.0.2.2\n"));
    }

    [Fact]
    public void Reading_goes_on_after_an_error_and_reports_the_next_one()
    {
        var result = Read(Head + "a A 192.0.2\nb A 192.0.2.2\nc FOO x\nd A 192.0.2.4\n");
        Assert.Equal(["test.zone:5:5: bad dotted quad", "test.zone:7:3: unknown RR type 'FOO'"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(["b.example.", "d.example."], result.Records.Skip(3).Select(r => r.Owner));
    }

    [Fact]
    public void Error_carries_file_line_column_and_message_separately()
    {
        var error = Read(Head + "a A 192.0.2\n").Errors[0];
        Assert.Equal(("test.zone", 5, 5, "bad dotted quad"), (error.File, error.Line, error.Column, error.Message));
    }
}
