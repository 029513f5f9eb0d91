using Meridian.Dns.Names;
using Meridian.Platform.Naming;

namespace Meridian.Platform.Tests.Naming;

public sealed class RecordNameRulesTests
{
    private static readonly DnsName s_zone = DnsName.Parse("example.com.");

    [Theory]
    [InlineData(null, "example.com.")]
    [InlineData("@", "example.com.")]
    [InlineData("example.com", "example.com.")]
    [InlineData("www", "www.example.com.")]
    [InlineData("WWW.example.COM", "www.example.com.")]
    [InlineData("a.b.example.com.", "a.b.example.com.")]
    [InlineData("_sip._tcp", "_sip._tcp.example.com.")]
    [InlineData("*", "*.example.com.")]
    [InlineData("www.example", "www.example.example.com.")]
    [InlineData("bücher", "xn--bcher-kva.example.com.")]
    public void Names_resolve_inside_the_zone(string? input, string expected)
    {
        Assert.True(RecordNameRules.TryResolve(input, s_zone, out var owner, out string? error), error);
        Assert.Equal(expected, owner.ToString());
    }

    [Theory]
    [InlineData("www.example.org.", "does not belong")]
    [InlineData("example.org.", "does not belong")]
    [InlineData("a b", "may only hold")]
    [InlineData("a.*", "leftmost")]
    [InlineData("a..b", "not valid")]
    public void Names_outside_or_malformed_are_refused(string input, string message)
    {
        Assert.False(RecordNameRules.TryResolve(input, s_zone, out _, out string? error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
