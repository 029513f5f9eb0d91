using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Dns;

/// <summary>The same questions to Knot DNS (the reference) and Meridian serving the same zones: the
/// rcode, the flags, EDNS, and every section's record sets must be the same.</summary>
public class KnotDifferentialTests : IClassFixture<ServedZones>
{
    private readonly ServedZones _servers;

    public KnotDifferentialTests(ServedZones servers) => _servers = servers;

    public static TheoryData<string, string, string> Questions => new()
    {
        // exact answers, NODATA, case
        { "www.example.", "A", "" },
        { "www.example.", "TXT", "" },
        { "www.example.", "AAAA", "" },
        { "WwW.ExAmPlE.", "A", "" },
        { "www2.example.", "A", "" },
        { "example.", "SOA", "" },
        { "example.", "NS", "" },
        { "example.", "MX", "" },
        { "example.", "TXT", "" },
        { "ns1.example.", "AAAA", "" },
        { "caa.example.", "CAA", "" },
        { "ptr.example.", "PTR", "" },
        { "sshfp.example.", "SSHFP", "" },
        { "txtlong.example.", "TXT", "" },
        { "_sip._tcp.example.", "SRV", "" },
        { "www.example.", "ANY", "" },
        // names that do not exist, empty non-terminals
        { "nope.example.", "A", "" },
        { "ent.example.", "A", "" },
        { "c.ent.example.", "TXT", "" },
        { "a.b.c.ent.example.", "A", "" },
        { "x.a.b.c.ent.example.", "A", "" },
        // CNAME chains
        { "alias.example.", "A", "" },
        { "alias3.example.", "A", "" },
        { "alias3.example.", "TXT", "" },
        { "alias.example.", "CNAME", "" },
        { "ext.example.", "A", "" },
        { "dangling.example.", "A", "" },
        // wildcards (RFC 4592)
        { "x.wild.example.", "A", "" },
        { "x.y.wild.example.", "TXT", "" },
        { "x.wild.example.", "MX", "" },
        { "x.wild.example.", "AAAA", "" },
        { "wild.example.", "A", "" },
        { "sub.wild.example.", "A", "" },
        { "y.sub.wild.example.", "A", "" },
        { "z.cwild.example.", "A", "" },
        { "z.cwild.example.", "CNAME", "" },
        // delegations
        { "sub.example.", "NS", "" },
        { "x.sub.example.", "A", "" },
        { "ns.sub.example.", "A", "" },
        { "deep.ns.sub.example.", "A", "" },
        { "sub.example.", "DS", "" },
        { "sub.example.", "A", "" },
        // EDNS sizes and truncation
        { "big.example.", "TXT", "" },
        { "big.example.", "TXT", "+bufsize=512" },
        { "big.example.", "TXT", "+bufsize=4096" },
        { "big.example.", "TXT", "+noedns" },
        { "big.example.", "TXT", "+tcp" },
        { "big.example.", "A", "+noedns" },
        { "x.sub.example.", "A", "+bufsize=512" },
        { "www.example.", "A", "+edns=1" },
        { "www.example.", "A", "+norec" },
        { "www.example.", "A", "+tcp" },
        // EDNS options: DO echoed, a COOKIE changes nothing else in the answer, unknown options not echoed
        { "www.example.", "A", "+dnssec" },
        { "www.example.", "A", "+cookie" },
        { "www.example.", "A", "+cookie +dnssec" },
        { "nope.example.", "A", "+cookie +dnssec" },
        { "www.example.", "A", "+ednsopt=65001:abcd" },
        { "www.example.", "A", "+nsid +cookie" },
        // other zones and no zone
        { "second.test.", "SOA", "" },
        { "host.second.test.", "AAAA", "" },
        { "nothing.second.test.", "A", "" },
        { "www.example.org.", "A", "" },
        { "test.", "SOA", "" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Meridian_answers_like_knot(string name, string type, string options)
    {
        Assert.True(_servers.Knot is not null, "knotd and kdig must be installed (./test.sh installs the knot and knot-dnsutils packages)");
        string[] flags = options.Length == 0 ? [] : options.Split(' ');
        var knot = Dig.Query("kdig", _servers.Knot!, name, type, flags);
        var meridian = Dig.Query("kdig", _servers.Meridian, name, type, flags);
        Assert.NotEqual("", knot.Status);
        Assert.Equal(knot.Summary(), meridian.Summary());
    }
}
