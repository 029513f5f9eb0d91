using Meridian.Providers.Detection;

namespace Meridian.Providers.Tests;

public sealed class NameserverTableTests
{
    [Theory]
    [InlineData("ada.ns.cloudflare.com.", "cloudflare")]
    [InlineData("NS51.DOMAINCONTROL.COM", "godaddy")]
    [InlineData("dns2.registrar-servers.com", "namecheap")]
    [InlineData("ns4.dnsimple.com", "dnsimple")]
    [InlineData("ns1.dnsimple-edge.org", "dnsimple")]
    [InlineData("ns1.meridian.test", "meridian")]
    [InlineData("ns1.cloudflare.com.evil.example", null)]
    [InlineData("ns.cloudflare.com", null)]
    public void The_built_in_table_and_our_own_nameservers_name_the_provider(string nameserver, string? provider)
    {
        var table = new NameserverTable(NameserverTable.BuiltIn(), ["ns1.meridian.test."]);
        Assert.Equal(provider, table.ProviderOf(nameserver));
    }

    [Fact]
    public void A_provider_is_added_by_configuration_alone()
    {
        var table = new NameserverTable(NameserverTable.BuiltIn().Append(new("*.awsdns-*.com", "route53")), []);
        Assert.Null(table.ProviderOf("ns-1.awsdns-01.com"));
        table = new NameserverTable([new("*.example-dns.net", "exampledns")], []);
        Assert.Equal("exampledns", table.ProviderOf("a.b.example-dns.net"));
    }
}
