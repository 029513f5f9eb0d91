using Meridian.Dns.Records;
using Meridian.Platform.Records;

namespace Meridian.Platform.Tests.Records;

public sealed class RecordValueRulesTests
{
    [Theory]
    [InlineData("MX", "10 mail.example.com.", 10, "mail.example.com.")]
    [InlineData("SRV", "1 5 5060 sip.example.com.", 1, "5 5060 sip.example.com.")]
    [InlineData("A", "192.0.2.1", 0, "192.0.2.1")]
    [InlineData("TXT", "\"10 green\"", 0, "\"10 green\"")]
    public void SplitPriority_gives_the_client_apis_priority_and_value(string type, string data, int priority, string value) =>
        Assert.Equal((priority, value), RecordValueRules.SplitPriority(type, data));

    [Fact]
    public void Mx_priority_and_value_make_the_data_and_split_back()
    {
        Assert.True(RecordValueRules.TryBuild(DnsType.MX, "mail.example.com", 10, out var wire, out string? error), error);
        string data = RdataParsing.Format(DnsType.MX, wire);
        Assert.Equal("10 mail.example.com.", data);
        Assert.Equal((10, "mail.example.com."), RecordValueRules.SplitPriority("MX", data));
    }

    [Fact]
    public void A_txt_value_is_split_into_255_octet_strings()
    {
        string value = new('a', 600);
        Assert.True(RecordValueRules.TryBuild(DnsType.TXT, value, null, out var wire, out _));
        Assert.Equal(600 + 3, wire.Length);
        Assert.Equal([255, 255, 90], new[] { wire[0], wire[256], wire[512] });
    }

    [Fact]
    public void Host_names_are_absolute_with_or_without_the_dot()
    {
        Assert.True(RecordValueRules.TryBuild(DnsType.CNAME, "target.example.net", null, out var a, out _));
        Assert.True(RecordValueRules.TryBuild(DnsType.CNAME, "target.example.net.", null, out var b, out _));
        Assert.Equal(a, b);
        Assert.Equal("target.example.net.", RdataParsing.Format(DnsType.CNAME, a));
    }

    [Fact]
    public void A_value_with_a_newline_is_refused_rather_than_read_as_a_second_record()
    {
        Assert.False(RecordValueRules.TryBuild(DnsType.A, "192.0.2.1\nevil IN A 192.0.2.2", null, out _, out string? error));
        Assert.Contains("one line", error, StringComparison.Ordinal);
    }
}
