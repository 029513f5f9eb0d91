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

    [Theory]
    [InlineData("dig")]
    [InlineData("kdig")]
    public void Cookie_and_dnssec_ok_are_answered_and_the_server_cookie_is_good_when_sent_back(string tool)
    {
        var first = Dig.Query(tool, _servers.Meridian, "www.example.", "A", "+cookie", "+dnssec");
        Assert.Equal("NOERROR", first.Status);
        Assert.True(first.DnssecOk, first.Raw);
        Assert.True(first.HasCookie, first.Raw);
        Assert.Equal(2, first.Answer.Count);
        string cookie = CookieHex(first.Raw);
        // 8 octets of client cookie and 16 of server cookie, version 1 (RFC 9018).
        Assert.Equal(48, cookie.Length);
        Assert.Equal("01", cookie[16..18]);

        var again = Dig.Query(tool, _servers.Meridian, "www.example.", "A", "+cookie=" + cookie, "+dnssec");
        Assert.Equal("NOERROR", again.Status);
        Assert.True(again.HasCookie, again.Raw);
        Assert.Equal(cookie[..16], CookieHex(again.Raw)[..16]);
        if (tool == "dig") Assert.True(first.CookieGood && again.CookieGood, again.Raw);

        // A server cookie that is not ours: still answered (an authoritative server does not demand one), with a fresh one.
        string forged = cookie[..16] + "01000000" + "00000000" + "0011223344556677";
        var wrong = Dig.Query(tool, _servers.Meridian, "www.example.", "A", "+cookie=" + forged);
        Assert.Equal("NOERROR", wrong.Status);
        Assert.NotEqual(forged, CookieHex(wrong.Raw));
    }

    [Fact]
    public void A_header_only_query_with_a_cookie_fetches_a_server_cookie()
    {
        var r = Dig.Query("dig", _servers.Meridian, "www.example.", "A", "+cookie", "+header-only");
        Assert.Equal("NOERROR", r.Status);
        Assert.True(r.HasCookie, r.Raw);
        Assert.Empty(r.Answer);
    }

    [Theory]
    [InlineData("dig")]
    [InlineData("kdig")]
    public void Unknown_edns_options_are_not_echoed(string tool)
    {
        var r = Dig.Query(tool, _servers.Meridian, "www.example.", "A", "+ednsopt=65001:abcd", "+nsid");
        Assert.Equal("NOERROR", r.Status);
        Assert.True(r.HasEdns, r.Raw);
        Assert.Empty(r.OtherOptions);
        Assert.DoesNotContain("NSID", r.Raw, StringComparison.Ordinal);
    }

    private static string CookieHex(string output)
    {
        var line = output.Split('\n').Select(l => l.TrimStart(';').Trim()).First(l => l.StartsWith("COOKIE:", StringComparison.Ordinal));
        return line["COOKIE:".Length..].Trim().Split(' ')[0].ToLowerInvariant();
    }
}
