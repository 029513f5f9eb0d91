using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

/// <summary>GeoDNS end to end: records written with country_codes over HTTP, asked with dig and kdig +subnet. The
/// host places 198.51.100/24 in the US, .101 in France, .102 in Germany, .103 in Japan, 2001:db8:de::/48 in Germany
/// (overrides; no database), and trusts ECS only from IPv4 loopback.</summary>
public abstract partial class ClientApiTests
{
    private const string Us = "+subnet=198.51.100.0/24", France = "+subnet=198.51.101.0/24", Germany = "+subnet=198.51.102.0/24",
        Japan = "+subnet=198.51.103.0/24", Unplaced = "+subnet=203.0.113.0/24";

    private static JsonObject Countries(params string[] codes) => new() { ["country_codes"] = new JsonArray([.. codes.Select(c => (JsonNode)c)]) };

    private async Task<IReadOnlyList<string>> AddressesAsync(string name, string subnet, string type = "A")
    {
        var answer = await Dig.QueryAsync(Host.DnsEndpoint, name, type, subnet);
        Assert.Equal("NOERROR", answer.Status);
        return answer.Data(type);
    }

    [Fact]
    public async Task A_name_with_US_EU_global_and_country_variants_answers_each_location_as_the_rules_say()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-rules");
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.10", Countries("US"));
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.20", Countries("EU"));
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.30");
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.40", Countries("DE"));
        string www = "www." + zone;

        Assert.Equal(["192.0.2.10"], await AddressesAsync(www, Us));
        Assert.Equal(["192.0.2.20"], await AddressesAsync(www, France));       // no FR record: its continent's
        Assert.Equal(["192.0.2.40"], await AddressesAsync(www, Germany));      // the country before the continent
        Assert.Equal(["192.0.2.30"], await AddressesAsync(www, Japan));        // nothing for Asia: the global record
        Assert.Equal(["192.0.2.30"], await AddressesAsync(www, Unplaced));     // unknown location: the global record
        Assert.Equal(["192.0.2.40"], await AddressesAsync(www, "+subnet=2001:db8:de:1::/56"));
        Assert.Equal(["192.0.2.30"], (await Dig.QueryAsync(Host.DnsEndpoint, www, "A")).Data("A"));   // loopback: unknown
        var kdig = await Dig.QueryWithAsync("kdig", Host.DnsEndpoint, www, "A", France);
        Assert.Equal(["192.0.2.20"], kdig.Data("A"));
    }

    [Fact]
    public async Task The_nearest_rule_picks_a_neighbouring_countrys_records_when_nothing_else_matches()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-near");
        await client.Api.CreateRecordAsync(domainId, "near", "A", "192.0.2.50", Countries("DE"));
        await client.Api.CreateRecordAsync(domainId, "near", "A", "192.0.2.60", Countries("JP"));

        Assert.Equal(["192.0.2.50"], await AddressesAsync("near." + zone, France));
        Assert.Equal(["192.0.2.60"], await AddressesAsync("near." + zone, Japan));
    }

    [Fact]
    public async Task Geo_never_makes_a_name_go_NODATA()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-nodata");
        await client.Api.CreateRecordAsync(domainId, "only-jp", "A", "192.0.2.70", Countries("JP"));
        await client.Api.CreateRecordAsync(domainId, "only-jp", "AAAA", "2001:db8::70", Countries("country:NA"));

        foreach (string subnet in new[] { Us, France, Unplaced, "+subnet=2001:db8:de::/48" })
        {
            Assert.Equal(["192.0.2.70"], await AddressesAsync("only-jp." + zone, subnet));
            Assert.Equal(["2001:db8::70"], await AddressesAsync("only-jp." + zone, subnet, "AAAA"));
        }
    }

    [Fact]
    public async Task CNAME_chains_and_wildcards_end_in_the_records_chosen_for_the_client()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-chain");
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.10", Countries("US"));
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.20", Countries("EMEA"));
        await client.Api.CreateRecordAsync(domainId, "alias", "CNAME", "www." + zone);
        await client.Api.CreateRecordAsync(domainId, "*.wild", "CNAME", "alias." + zone);
        await client.Api.CreateRecordAsync(domainId, "*.shop", "A", "192.0.2.80", Countries("FR"));
        await client.Api.CreateRecordAsync(domainId, "*.shop", "A", "192.0.2.81", Countries("NA"));

        var us = await Dig.QueryAsync(Host.DnsEndpoint, "alias." + zone, "A", Us);
        var germany = await Dig.QueryAsync(Host.DnsEndpoint, "x.wild." + zone, "A", Germany);

        Assert.Equal(["192.0.2.10"], us.Data("A"));
        Assert.Equal(["www." + zone], us.Data("CNAME"));
        Assert.Equal(["192.0.2.20"], germany.Data("A"));
        Assert.Equal(2, germany.Data("CNAME").Count);
        Assert.Equal(["192.0.2.80"], await AddressesAsync("a.shop." + zone, France));
        Assert.Equal(["192.0.2.81"], await AddressesAsync("b.shop." + zone, Us));
        Assert.Equal(["192.0.2.80"], await AddressesAsync("c.shop." + zone, Germany));   // nearest: France
    }

    [Fact]
    public async Task A_name_can_have_one_CNAME_per_location_and_each_client_follows_its_own()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-cname");
        await client.Api.CreateRecordAsync(domainId, "us-edge", "A", "192.0.2.11");
        await client.Api.CreateRecordAsync(domainId, "eu-edge", "A", "192.0.2.21");
        await client.Api.CreateRecordAsync(domainId, "any-edge", "A", "192.0.2.31");
        await client.Api.CreateRecordAsync(domainId, "cdn", "CNAME", "us-edge." + zone, Countries("US", "CA"));
        await client.Api.CreateRecordAsync(domainId, "cdn", "CNAME", "eu-edge." + zone, Countries("EU"));
        await client.Api.CreateRecordAsync(domainId, "cdn", "CNAME", "any-edge." + zone);

        var us = await Dig.QueryAsync(Host.DnsEndpoint, "cdn." + zone, "A", Us);
        Assert.Equal(["us-edge." + zone], us.Data("CNAME"));
        Assert.Equal(["192.0.2.11"], us.Data("A"));
        Assert.Equal(["192.0.2.21"], await AddressesAsync("cdn." + zone, Germany));
        Assert.Equal(["192.0.2.31"], await AddressesAsync("cdn." + zone, Japan));
        Assert.Equal(["any-edge." + zone], (await Dig.QueryAsync(Host.DnsEndpoint, "cdn." + zone, "A", Unplaced)).Data("CNAME"));

        // Two CNAMEs for one location (or two answered everywhere) would leave a resolver two aliases: refused.
        var overlap = ApiClient.RecordBody(domainId, "cdn", "CNAME", "other." + zone, Countries("CA", "MX"));
        (await client.Api.PostJsonAsync("/api/client/records", overlap)).ExpectError(400, "CNAME record for CA");
        (await client.Api.PostJsonAsync("/api/client/records", ApiClient.RecordBody(domainId, "cdn", "CNAME", "other." + zone)))
            .ExpectError(400, "answered everywhere");
        (await client.Api.PostJsonAsync("/api/client/records", ApiClient.RecordBody(domainId, "cdn", "A", "192.0.2.99", Countries("JP"))))
            .ExpectError(400, "CNAME");
        Assert.Equal(3, (await client.Api.ListRecordsAsync(domainId)).Count(r => r.GetProperty("type").GetString() == "CNAME"));
    }

    [Fact]
    public async Task The_ECS_scope_is_the_source_prefix_when_the_answer_depended_on_location_and_zero_otherwise()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-scope");
        await client.Api.CreateRecordAsync(domainId, "geo", "A", "192.0.2.10", Countries("US"));
        await client.Api.CreateRecordAsync(domainId, "geo", "A", "192.0.2.30");
        await client.Api.CreateRecordAsync(domainId, "plain", "A", "192.0.2.31");

        Assert.Equal("198.51.100.0/24/24", (await Dig.QueryAsync(Host.DnsEndpoint, "geo." + zone, "A", Us)).ClientSubnet);
        Assert.Equal("2001:db8:de::/48/48", (await Dig.QueryAsync(Host.DnsEndpoint, "geo." + zone, "A", "+subnet=2001:db8:de::/48")).ClientSubnet);
        Assert.Equal("198.51.100.0/24/0", (await Dig.QueryAsync(Host.DnsEndpoint, "plain." + zone, "A", Us)).ClientSubnet);
        Assert.Equal("198.51.100.0/24/24", (await Dig.QueryWithAsync("kdig", Host.DnsEndpoint, "geo." + zone, "A", Us)).ClientSubnet);
    }

    [Fact]
    public async Task A_malformed_client_subnet_option_is_FORMERR()
    {
        var (_, _, zone) = await ClientWithDomainAsync("geo-formerr");

        // Family 1, source /24, scope 0, then four address octets where a /24 carries three (RFC 7871 §6).
        var tooLong = await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA", "+ednsopt=8:00011800c6336400");
        // A non-zero SCOPE in a query.
        var scoped = await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA", "+ednsopt=8:00011818c63364");

        Assert.Equal("FORMERR", tooLong.Status);
        Assert.Equal("FORMERR", scoped.Status);
    }

    [Fact]
    public async Task ECS_from_an_untrusted_source_is_ignored_and_not_echoed()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-trust");
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.10", Countries("US"));
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.30");

        var fromV6Loopback = await Dig.QueryAsync(Host.DnsEndpointV6, "www." + zone, "A", Us);
        var fromV4Loopback = await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A", Us);

        Assert.Equal(["192.0.2.30"], fromV6Loopback.Data("A"));   // ::1 is of unknown location
        Assert.Null(fromV6Loopback.ClientSubnet);
        Assert.Equal(["192.0.2.10"], fromV4Loopback.Data("A"));
    }

    [Fact]
    public async Task Changing_a_records_country_codes_over_HTTP_changes_who_gets_it()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo-update");
        var record = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.10", Countries("US"));
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.30");
        Assert.Equal(["192.0.2.30"], await AddressesAsync("www." + zone, France));

        var updated = (await client.Api.PutJsonAsync($"/api/client/records/{IdOf(record)}", Countries("fr", "country:SA"))).Expect(200);

        Assert.Equal(["FR", "country:SA"], Codes(updated));
        Assert.Equal(["192.0.2.10"], await AddressesAsync("www." + zone, France));
        Assert.Equal(["192.0.2.30"], await AddressesAsync("www." + zone, Us));
    }
}
