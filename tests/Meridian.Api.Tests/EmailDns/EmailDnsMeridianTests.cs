using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.EmailDns;

/// <summary>Detection through a real NS lookup of Meridian's own DNS server (delegations to each provider's
/// nameservers, a subdomain, an unknown provider, a domain that does not exist), and the <c>meridian</c> provider:
/// records written through the platform's write path and served at once, the DKIM key split into 255-octet strings
/// as <c>dig</c> shows them.</summary>
public sealed class EmailDnsMeridianTests(EmailDnsHost host) : IClassFixture<EmailDnsHost>
{
    [Fact]
    public async Task Dns_provider_tells_each_provider_by_its_nameservers_walking_up_from_a_subdomain()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string zone = TestNames.Domain("detect");
        var id = Guid.Parse((await caller.Zones.CreateDomainAsync(zone)).GetProperty("id").GetString()!);
        (string Label, string Nameserver)[] delegations =
        [
            ("cf", "ada.ns.cloudflare.com"), ("gd", "ns01.domaincontrol.com"), ("nc", "dns1.registrar-servers.com"),
            ("ds", "ns1.dnsimple.com"), ("dse", "ns3.dnsimple-edge.net"), ("other", "ns1.unknown-dns.example"),
        ];
        foreach (var (label, nameserver) in delegations) await caller.Zones.CreateRecordAsync(id, label, "NS", nameserver);

        Assert.Equal("meridian", await DetectAsync(caller, zone));
        Assert.Equal("meridian", await DetectAsync(caller, "mail." + zone));
        Assert.Equal("cloudflare", await DetectAsync(caller, "cf." + zone));
        Assert.Equal("cloudflare", await DetectAsync(caller, "www.shop.cf." + zone));
        Assert.Equal("godaddy", await DetectAsync(caller, "gd." + zone));
        Assert.Equal("namecheap", await DetectAsync(caller, "NC." + zone + "."));
        Assert.Equal("dnsimple", await DetectAsync(caller, "ds." + zone));
        Assert.Equal("dnsimple", await DetectAsync(caller, "dse." + zone));
        foreach (string unknown in new[] { "other." + zone, TestNames.Domain("nonexistent") })
        {
            var response = await caller.Api.GetAsync($"/api/v1/dns.provider?Domain={unknown}");
            Assert.Equal(404, response.Status);
            Assert.Equal("""{"Errors":[{"Code":2,"Message":"Unable to determine DNS provider for this domain"}]}""", response.Body);
        }
    }

    [Fact]
    public async Task Meridian_set_writes_through_the_platform_and_dig_shows_the_dkim_key_in_255_octet_strings()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string zone = TestNames.Domain("local");
        var id = Guid.Parse((await caller.Zones.CreateDomainAsync(zone)).GetProperty("id").GetString()!);
        await caller.Zones.CreateRecordAsync(id, "@", "TXT", "v=spf1 a redirect=_spf.example.net");

        var authorized = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.authorize", ApiClient.Json(new JsonObject { ["Domain"] = zone, ["Provider"] = "meridian" }.ToJsonString()));
        Assert.Equal("""{"success":true}""", authorized.Body);
        var set = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.set",
            ApiClient.Json(new JsonObject { ["Domain"] = zone, ["Provider"] = "meridian", ["RecordType"] = "email-gateway" }.ToJsonString()));
        Assert.Equal("""{"success":true}""", set.Body);

        string dkim = (await caller.Api.GetAsync($"/api/v1/dns.dkim?Domain={zone}")).Expect(200).GetProperty("keys")[0].GetProperty("dns_value").GetString()!;
        var answer = await Dig.QueryAsync(host.DnsEndpoint, $"gw1._domainkey.{zone}", "TXT");
        string data = Assert.Single(answer.Data("TXT"));
        var strings = data.Split("\" \"");
        Assert.Equal(2, strings.Length);
        Assert.Equal(255, strings[0].TrimStart('"').Length);
        Assert.Equal(dkim, string.Concat(strings.Select(s => s.Trim('"'))));
        Assert.StartsWith("v=DKIM1; k=rsa; p=MIIBIjAN", dkim, StringComparison.Ordinal);
        // The SPF record with redirect= got our include before its modifier; no second SPF record.
        var spf = await Dig.QueryAsync(host.DnsEndpoint, zone, "TXT");
        Assert.Equal([$"\"v=spf1 a include:{EmailDnsHost.SpfGateway} redirect=_spf.example.net\""], spf.Data("TXT"));
        Assert.Equal(["\"v=DMARC1; p=quarantine\""], (await Dig.QueryAsync(host.DnsEndpoint, "_dmarc." + zone, "TXT")).Data("TXT"));
        Assert.Equal(["bounces.mailer.example."], (await Dig.QueryAsync(host.DnsEndpoint, "bounce." + zone, "CNAME")).Data("CNAME"));

        // Running it again changes nothing: the zone's serial stays where it is.
        uint serial = (await Dig.QueryAsync(host.DnsEndpoint, zone, "SOA")).SoaSerial;
        Assert.Equal("""{"success":true}""", (await caller.Api.SendAsync(HttpMethod.Post, "/api.php",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Command"] = "dns.set", ["Domain"] = zone, ["Provider"] = "meridian", ["RecordType"] = "email-gateway" }))).Body);
        Assert.Equal(serial, (await Dig.QueryAsync(host.DnsEndpoint, zone, "SOA")).SoaSerial);

        // Another account cannot write into this zone through the meridian provider.
        var intruder = await host.NewCallerAsync();
        var refused = await intruder.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.set",
            ApiClient.Json(new JsonObject { ["Domain"] = zone, ["Provider"] = "meridian", ["RecordType"] = "campaign" }.ToJsonString()));
        Assert.Equal(502, refused.Status);
        Assert.Equal(9, refused.Json.GetProperty("Errors")[0].GetProperty("Code").GetInt32());
    }

    private static async Task<string?> DetectAsync(EmailDnsCaller caller, string domain)
    {
        var response = await caller.Api.GetAsync($"/api/v1/dns.provider?Domain={domain}");
        return response.Expect(200).GetProperty("provider").GetString();
    }
}
