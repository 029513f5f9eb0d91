using System.Net;
using System.Text.Json.Nodes;
using Meridian.Dns.Server.Hosting;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    [Fact]
    public async Task A_record_written_over_HTTP_is_in_the_DNS_answers_right_after_the_2xx()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("dig");
        string name = "www." + zone;
        uint serial0 = (await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA")).SoaSerial;

        var record = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.10", new JsonObject { ["ttl"] = 600 });
        var created = await Dig.QueryAsync(Host.DnsEndpoint, name, "A");
        uint serial1 = (await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA")).SoaSerial;

        Assert.Equal("NOERROR", created.Status);
        Assert.Contains(" aa", created.Output, StringComparison.Ordinal);
        Assert.Equal([new DigRecord(name, 600, "A", "192.0.2.10")], created.Answers);
        Assert.True(serial1 > serial0, $"serial {serial1} after the create is not above {serial0}");

        (await client.Api.PutJsonAsync($"/api/client/records/{IdOf(record)}", new JsonObject { ["value"] = "192.0.2.11", ["ttl"] = 120 })).Expect(200);
        var updated = await Dig.QueryAsync(Host.DnsEndpoint, name, "A");
        uint serial2 = (await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA")).SoaSerial;

        Assert.Equal([new DigRecord(name, 120, "A", "192.0.2.11")], updated.Answers);
        Assert.True(serial2 > serial1, $"serial {serial2} after the update is not above {serial1}");

        (await client.Api.DeleteAsync($"/api/client/records/{IdOf(record)}")).Expect(200);
        var deleted = await Dig.QueryAsync(Host.DnsEndpoint, name, "A");
        uint serial3 = (await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA")).SoaSerial;

        Assert.Equal("NXDOMAIN", deleted.Status);
        Assert.Empty(deleted.Answers);
        Assert.True(serial3 > serial2, $"serial {serial3} after the delete is not above {serial2}");
    }

    [Fact]
    public void The_DNS_server_listens_only_on_the_configured_addresses()
    {
        // Dns:Listen replaces the built-in list (127.0.0.1:5300, [::1]:5300); it is not appended to it.
        var endpoints = Host.Service<DnsServer>().Endpoints;

        Assert.Equal(2, endpoints.Count);
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], endpoints.Select(e => e.Address));
        Assert.DoesNotContain(endpoints, e => e.Port is 5300 or 0);
    }

    [Fact]
    public async Task A_new_domain_is_served_at_once_with_the_platforms_SOA_and_NS()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("served") + ".";

        await client.Api.CreateDomainAsync(zone);
        var soa = await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA");
        var ns = await Dig.QueryAsync(Host.DnsEndpoint, zone, "NS");
        var missing = await Dig.QueryAsync(Host.DnsEndpoint, "nothing-here." + zone, "A");

        Assert.Equal("NOERROR", soa.Status);
        Assert.Single(soa.Data("SOA"));
        Assert.NotEmpty(ns.Data("NS"));
        Assert.Equal("NXDOMAIN", missing.Status);
    }

    [Fact]
    public async Task A_country_targeted_record_is_not_given_to_a_client_of_unknown_location_when_a_global_one_exists()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geo");
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1", new JsonObject { ["country_codes"] = new JsonArray("US") });
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.2");
        await client.Api.CreateRecordAsync(domainId, "only-us", "A", "192.0.2.3", new JsonObject { ["country_codes"] = new JsonArray("US") });

        // Loopback has no location: the global record is answered, and where there is none, all records (DESIGN.md).
        Assert.Equal(["192.0.2.2"], (await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A")).Data("A"));
        Assert.Equal(["192.0.2.3"], (await Dig.QueryAsync(Host.DnsEndpoint, "only-us." + zone, "A")).Data("A"));
    }

    [Fact]
    public async Task Eight_clients_creating_25_records_each_in_one_zone_all_succeed_and_raise_the_serial()
    {
        var (owner, domainId, zone) = await ClientWithDomainAsync("busy");
        uint serialBefore = (await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA")).SoaSerial;
        var writers = Enumerable.Range(0, 8).Select(_ => Host.Anonymous("Bearer " + owner.Token)).ToList();

        var statuses = await Task.WhenAll(writers.Select(async (api, writer) =>
        {
            var seen = new List<string>();
            for (int i = 0; i < 25; i++)
            {
                var response = await api.PostJsonAsync("/api/client/records",
                    ApiClient.RecordBody(domainId, $"w{writer}-r{i}", "A", $"192.0.2.{(writer * 25) + i + 1}"));
                if (response.Status != 201) seen.Add($"writer {writer} record {i}: {response.Status} {response.Body}");
            }
            return seen;
        }));
        foreach (var api in writers) api.Dispose();

        Assert.Empty(statuses.SelectMany(s => s));
        var listed = await owner.Api.ListRecordsAsync(domainId);
        Assert.Equal(200, listed.Count);
        Assert.Equal(200, listed.Select(r => Text(r, "name")).Distinct().Count());
        uint serialAfter = (await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA")).SoaSerial;
        Assert.True(serialAfter > serialBefore, $"serial {serialAfter} is not above {serialBefore}");
        Assert.Equal(["192.0.2.200"], (await Dig.QueryAsync(Host.DnsEndpoint, "w7-r24." + zone, "A")).Data("A"));
        Assert.Equal(["192.0.2.1"], (await Dig.QueryAsync(Host.DnsEndpoint, "w0-r0." + zone, "A")).Data("A"));
    }
}
