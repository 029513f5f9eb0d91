using Meridian.Dns.ZoneFiles;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>BIND's TTL syntax (dns_ttl_fromtext).</summary>
public class RecordTtlTests
{
    [Theory]
    [InlineData("0", 0u)]
    [InlineData("86400", 86400u)]
    [InlineData("4294967295", 4294967295u)]
    [InlineData("1w", 604800u)]
    [InlineData("1W1D1H1M1S", 694861u)]
    [InlineData("1d1d", 172800u)]
    [InlineData("0s5", 5u)]
    public void Numbers_and_unit_sums_are_ttls(string text, uint expected)
    {
        Assert.Equal(TtlParse.Ok, RecordTtl.Parse(System.Text.Encoding.ASCII.GetBytes(text), out uint ttl));
        Assert.Equal(expected, ttl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("w")]
    [InlineData("1h30")]
    [InlineData("1x")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("0x10")]
    [InlineData("IN")]
    public void Other_text_is_not_a_ttl(string text)
    {
        Assert.Equal(TtlParse.Bad, RecordTtl.Parse(System.Text.Encoding.ASCII.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("4294967295s1s")]
    [InlineData("100000000W")]
    public void Unit_sums_past_32_bits_are_out_of_range(string text)
    {
        Assert.Equal(TtlParse.OutOfRange, RecordTtl.Parse(System.Text.Encoding.ASCII.GetBytes(text), out _));
    }
}
