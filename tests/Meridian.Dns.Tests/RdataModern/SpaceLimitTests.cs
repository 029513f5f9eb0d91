using Meridian.Dns.Records;

namespace Meridian.Dns.Tests.RdataModern;

/// <summary>RDATA holds at most 65,535 octets; named-compilezone refuses each of these zones with
/// "ran out of space". (BIND's zone database stops at 65,510 octets for any type; that limit belongs
/// to zone loading, not to the rdata formats.)</summary>
public class SpaceLimitTests
{
    public static TheoryData<string, string> TooLong() => new()
    {
        { "WALLET", string.Join(' ', Enumerable.Repeat(new string('a', 250), 300)) },
        { "HHIT", Convert.ToBase64String(new byte[70_000]) },
        { "APL", string.Join(' ', Enumerable.Repeat("2:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", 4000)) },
        { "SVCB", "1 . key667=" + new string('a', 65_529) },
        { "SVCB", "1 . key667=" + new string('a', 40_000) + " key668=" + new string('b', 40_000) },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public void Data_longer_than_65535_octets_is_refused(string type, string rdata)
    {
        Assert.False(RdataHarness.TryParse(RdataHarness.Type(type), rdata, out _, out var error));
        Assert.Equal("ran out of space", error);
    }

    [Fact]
    public void An_svcb_value_longer_than_its_length_field_allows_is_out_of_range()
    {
        Assert.False(RdataHarness.TryParse(DnsType.SVCB, "1 . key667=" + new string('a', 70_000), out _, out var error));
        Assert.Equal("out of range", error);
    }
}
