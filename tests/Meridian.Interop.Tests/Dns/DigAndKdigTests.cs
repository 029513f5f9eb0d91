using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Dns;

/// <summary>Meridian queried as people query it: BIND's dig and Knot's kdig, over UDP and TCP.</summary>
public class DigAndKdigTests : IClassFixture<ServedZones>
{
    private readonly ServedZones _servers;

    public DigAndKdigTests(ServedZones servers) => _servers = servers;

    public static TheoryData<string, string> Transports => new()
    {
        { "dig", "+notcp" }, { "dig", "+tcp" }, { "kdig", "+notcp" }, { "kdig", "+tcp" },
    };

    [Theory]
    [MemberData(nameof(Transports))]
    public void Exact_answer_is_authoritative(string tool, string transport)
    {
        var r = Dig.Query(tool, _servers.Meridian, "www.example.", "A", transport);
        Assert.Equal("NOERROR", r.Status);
        Assert.True(r.Authoritative);
        Assert.Equal(["www.example. 3600 in a 192.0.2.3", "www.example. 3600 in a 192.0.2.33"], r.Answer.Order());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Missing_name_is_nxdomain_with_the_soa(string tool, string transport)
    {
        var r = Dig.Query(tool, _servers.Meridian, "missing.example.", "A", transport);
        Assert.Equal("NXDOMAIN", r.Status);
        Assert.Empty(r.Answer);
        Assert.Single(r.Authority);
        Assert.StartsWith("example. 300 in soa ns1.example. hostmaster.example. 2026112301", r.Authority[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Cname_chain_wildcard_and_referral(string tool, string transport)
    {
        var chain = Dig.Query(tool, _servers.Meridian, "alias3.example.", "A", transport);
        Assert.Equal(5, chain.Answer.Count);
        var wild = Dig.Query(tool, _servers.Meridian, "anything.wild.example.", "TXT", transport);
        Assert.Equal(["anything.wild.example. 3600 in txt \"wild text\""], wild.Answer);
        var referral = Dig.Query(tool, _servers.Meridian, "host.sub.example.", "A", transport);
        Assert.Equal("NOERROR", referral.Status);
        Assert.False(referral.Authoritative);
        Assert.Equal(3, referral.Authority.Count);
        Assert.Contains("ns.sub.example. 3600 in a 192.0.2.6", referral.Additional);
    }

    [Theory]
    [InlineData("dig")]
    [InlineData("kdig")]
    public void Oversized_udp_answer_sets_tc_and_the_tool_retries_over_tcp(string tool)
    {
        var r = Dig.Query(tool, _servers.Meridian, "big.example.", "TXT", "+bufsize=512");
        Assert.Equal(7, r.Answer.Count);
        Assert.Contains("truncated", r.Raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Name_outside_our_zones_is_refused()
    {
        var r = Dig.Query("dig", _servers.Meridian, "example.org.", "A");
        Assert.Equal("REFUSED", r.Status);
        Assert.False(r.Authoritative);
    }
}
