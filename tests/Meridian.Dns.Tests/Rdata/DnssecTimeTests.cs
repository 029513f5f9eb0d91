using System.Text;
using Meridian.Dns.Rdata;

namespace Meridian.Dns.Tests.Rdata;

public class DnssecTimeTests
{
    private static readonly long Year2025 = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private static readonly long Year2100 = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Theory]
    [InlineData("19700101000000", 0u)]
    [InlineData("21060207062815", uint.MaxValue)]
    [InlineData("20240229000000", 1709164800u)]
    [InlineData("20240228235960", 1709164800u)]  // a 60th second rolls over, as in BIND
    [InlineData("00000101000000", 2257290240u)]  // years before 1970 wrap modulo 2^32 (BIND prints 20410713010400)
    [InlineData("19000101000000", 2085978496u)]  // BIND prints 20360207062816
    [InlineData("19691231235959", uint.MaxValue)]
    [InlineData("4294967295", uint.MaxValue)]
    [InlineData("0001", 1u)]
    public void Parse_reads_dates_and_plain_seconds(string text, uint expected)
    {
        Assert.True(DnssecTime.TryParse(Encoding.ASCII.GetBytes(text), out uint value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1704067200", false, "syntax error")]  // SIG has dates only
    [InlineData("20241301000000", true, "out of range")]
    [InlineData("20230229000000", true, "out of range")]
    [InlineData("202401010000000", true, "syntax error")]
    [InlineData("-1", true, "syntax error")]
    [InlineData("4294967296", true, "out of range")]
    public void Parse_refuses_with_BINDs_words(string text, bool allowSeconds, string expected)
    {
        Assert.False(DnssecTime.TryParse(Encoding.ASCII.GetBytes(text), out _, out var error, allowSeconds));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(0u, "19700101000000", "21060207062816")]
    [InlineData(uint.MaxValue, "19691231235959", "21060207062815")]
    [InlineData(1704067200u, "20240101000000", "21600207062816")]
    [InlineData(2257290240u, "20410713010400", "20410713010400")]
    public void Print_picks_the_time_within_68_years_of_now(uint value, string in2025, string in2100)
    {
        var output = new StringBuilder();
        DnssecTime.Append(output, value, Year2025);
        Assert.Equal(in2025, output.ToString());
        output.Clear();
        DnssecTime.Append(output, value, Year2100);
        Assert.Equal(in2100, output.ToString());
    }
}
