using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    [Fact]
    public async Task CreateRecord_returns_201_with_the_type_upper_cased_and_the_spec_defaults()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("rec");

        var record = (await client.Api.PostJsonAsync("/api/client/records", ApiClient.RecordBody(domainId, "www", "a", "192.0.2.1"))).Expect(201);

        AssertRecordShape(record, domainId);
        Assert.Equal("www." + zone, Text(record, "name"));
        Assert.Equal("A", Text(record, "type"));
        Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
        Assert.Equal(["disabled"], Codes(record));
        Assert.Equal(0, record.GetProperty("priority").GetInt32());
        Assert.Equal("192.0.2.1", Text(record, "value"));
    }

    [Fact]
    public async Task CreateRecord_MX_keeps_the_priority_apart_from_the_mail_server()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("mx");

        var record = await client.Api.CreateRecordAsync(domainId, "@", "MX", "mail." + zone.TrimEnd('.'), new JsonObject { ["priority"] = 10 });

        Assert.Equal(zone, Text(record, "name"));
        Assert.Equal(10, record.GetProperty("priority").GetInt32());
        Assert.Equal("mail." + zone, Text(record, "value"));
        Assert.Equal(["10 mail." + zone], (await Dig.QueryAsync(Host.DnsEndpoint, zone, "MX")).Data("MX"));
    }

    [Fact]
    public async Task CreateRecord_SRV_keeps_the_priority_apart_from_weight_port_and_target()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("srv");

        var record = await client.Api.CreateRecordAsync(domainId, "_sip._tcp", "srv", "5 5060 sip.example.net", new JsonObject { ["priority"] = 1 });

        Assert.Equal("_sip._tcp." + zone, Text(record, "name"));
        Assert.Equal("SRV", Text(record, "type"));
        Assert.Equal(1, record.GetProperty("priority").GetInt32());
        Assert.Equal("5 5060 sip.example.net.", Text(record, "value"));
        Assert.Equal(["1 5 5060 sip.example.net."], (await Dig.QueryAsync(Host.DnsEndpoint, "_sip._tcp." + zone, "SRV")).Data("SRV"));
    }

    [Theory]
    [InlineData("AAAA", "2001:DB8::0:1", "2001:db8::1")]
    [InlineData("CNAME", "target.example.net", "target.example.net.")]
    [InlineData("TXT", "v=spf1 -all", "\"v=spf1 -all\"")]
    [InlineData("TXT", "\"two\" \"strings\"", "\"two\" \"strings\"")]
    [InlineData("CAA", "0 issue \"letsencrypt.org\"", "0 issue \"letsencrypt.org\"")]
    [InlineData("PTR", "host.example.net.", "host.example.net.")]
    public async Task CreateRecord_stores_the_value_in_canonical_form(string type, string value, string stored)
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("types");

        var record = await client.Api.CreateRecordAsync(domainId, "sub", type, value);

        Assert.Equal(stored, Text(record, "value"));
        Assert.Equal([stored], (await Dig.QueryAsync(Host.DnsEndpoint, "sub." + zone, type)).Data(type));
    }

    [Fact]
    public async Task CreateRecord_NS_below_the_apex_delegates_the_subdomain()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("deleg");

        var record = await client.Api.CreateRecordAsync(domainId, "sub", "NS", "ns1.example.net");

        Assert.Equal("ns1.example.net.", Text(record, "value"));
        var referral = await Dig.QueryAsync(Host.DnsEndpoint, "host.sub." + zone, "A");
        Assert.Equal("NOERROR", referral.Status);
        Assert.Empty(referral.Answers);
        Assert.Equal([new DigRecord("sub." + zone, 3600, "NS", "ns1.example.net.")], referral.Authority);
    }

    [Theory]
    [InlineData("@", "")]
    [InlineData("", "")]
    [InlineData("www", "www.")]
    [InlineData("WWW", "www.")]
    [InlineData("*", "*.")]
    [InlineData("_dmarc", "_dmarc.")]
    public async Task CreateRecord_resolves_relative_names_inside_the_domain(string name, string prefix)
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("names");

        var record = await client.Api.CreateRecordAsync(domainId, name, "TXT", "hello");

        Assert.Equal(prefix + zone, Text(record, "name"));
    }

    [Fact]
    public async Task CreateRecord_takes_absolute_names_with_or_without_the_final_dot()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("abs");

        var dotted = await client.Api.CreateRecordAsync(domainId, "A." + zone.ToUpperInvariant(), "A", "192.0.2.1");
        var bare = await client.Api.CreateRecordAsync(domainId, "b." + zone.TrimEnd('.'), "A", "192.0.2.2");

        Assert.Equal("a." + zone, Text(dotted, "name"));
        Assert.Equal("b." + zone, Text(bare, "name"));
    }

    [Fact]
    public async Task CreateRecord_normalizes_country_codes_and_treats_an_empty_list_as_disabled()
    {
        var (client, domainId, _) = await ClientWithDomainAsync("geo");

        var countries = await client.Api.CreateRecordAsync(domainId, "a", "A", "192.0.2.1", new JsonObject { ["country_codes"] = new JsonArray("us", "CA", "mx") });
        var empty = await client.Api.CreateRecordAsync(domainId, "b", "A", "192.0.2.2", new JsonObject { ["country_codes"] = new JsonArray() });
        var disabled = await client.Api.CreateRecordAsync(domainId, "c", "A", "192.0.2.3", new JsonObject { ["country_codes"] = new JsonArray("disabled") });
        var continents = await client.Api.CreateRecordAsync(domainId, "d", "A", "192.0.2.4", new JsonObject { ["country_codes"] = new JsonArray("NA", "EU") });

        Assert.Equal(["US", "CA", "MX"], Codes(countries));
        Assert.Equal(["disabled"], Codes(empty));
        Assert.Equal(["disabled"], Codes(disabled));
        Assert.Equal(["NA", "EU"], Codes(continents));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(604800)]
    public async Task CreateRecord_accepts_the_TTL_limits(int ttl)
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("ttl");

        var record = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1", new JsonObject { ["ttl"] = ttl });

        Assert.Equal(ttl, record.GetProperty("ttl").GetInt32());
        Assert.Equal((uint)ttl, (await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A")).Answers.Single().Ttl);
    }

    [Fact]
    public async Task ListRecords_returns_every_record_of_the_domain_exactly_as_created()
    {
        var (client, domainId, _) = await ClientWithDomainAsync("listrec");
        var (_, otherDomainId, _) = await ClientWithDomainAsync("listrec");
        var created = new List<JsonElement>
        {
            await client.Api.CreateRecordAsync(domainId, "@", "A", "192.0.2.1"),
            await client.Api.CreateRecordAsync(domainId, "www", "CNAME", "example.net"),
            await client.Api.CreateRecordAsync(domainId, "@", "MX", "mx.example.net", new JsonObject { ["priority"] = 5 }),
        };
        var listed = await client.Api.ListRecordsAsync(domainId);

        Assert.Equal(created.Select(IdOf).Order(), listed.Select(IdOf).Order());
        foreach (var record in listed)
        {
            AssertRecordShape(record, domainId);
            var same = created.Single(c => IdOf(c) == IdOf(record));
            Assert.Equal(same.GetRawText(), record.GetRawText());
        }
        Assert.DoesNotContain(listed, r => r.GetProperty("domain_id").GetGuid() == otherDomainId);
    }

    [Fact]
    public async Task UpdateRecord_changes_the_given_fields_keeps_the_others_and_upper_cases_the_type()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("upd");
        var record = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1", new JsonObject { ["ttl"] = 300, ["country_codes"] = new JsonArray("DE") });

        var valueOnly = (await client.Api.PutJsonAsync($"/api/client/records/{IdOf(record)}", new JsonObject { ["value"] = "192.0.2.2" })).Expect(200);
        var retyped = (await client.Api.PutJsonAsync($"/api/client/records/{IdOf(record)}",
            new JsonObject { ["type"] = "aaaa", ["value"] = "2001:db8::2", ["name"] = "v6", ["ttl"] = 900, ["country_codes"] = new JsonArray() })).Expect(200);

        AssertRecordShape(valueOnly, domainId);
        Assert.Equal(("www." + zone, "A", 300, "192.0.2.2"), (Text(valueOnly, "name"), Text(valueOnly, "type"), valueOnly.GetProperty("ttl").GetInt32(), Text(valueOnly, "value")));
        Assert.Equal(["DE"], Codes(valueOnly));
        Assert.Equal(IdOf(record), IdOf(retyped));
        Assert.Equal(("v6." + zone, "AAAA", 900, "2001:db8::2"), (Text(retyped, "name"), Text(retyped, "type"), retyped.GetProperty("ttl").GetInt32(), Text(retyped, "value")));
        Assert.Equal(["disabled"], Codes(retyped));
        // Compared to the microsecond: PostgreSQL keeps no finer time (ListRecords checks the exact text).
        Assert.Equal(Timestamp(record, "created_at").Ticks / 10, Timestamp(retyped, "created_at").Ticks / 10);
        Assert.True(Timestamp(retyped, "updated_at") > Timestamp(record, "updated_at"));
        Assert.Equal(retyped.GetRawText(), (await client.Api.ListRecordsAsync(domainId)).Single().GetRawText());
    }

    [Fact]
    public async Task UpdateRecord_refuses_another_domains_domain_id_with_400_and_changes_nothing()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("stay");
        var other = IdOf(await client.Api.CreateDomainAsync(TestNames.Domain("elsewhere")));
        var record = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        string path = $"/api/client/records/{IdOf(record)}";

        (await client.Api.PutJsonAsync(path, new JsonObject { ["domain_id"] = other.ToString(), ["value"] = "192.0.2.2" }))
            .ExpectError(400, "domain_id cannot be changed");
        (await client.Api.PutJsonAsync(path, new JsonObject { ["domain_id"] = "not-a-uuid", ["value"] = "192.0.2.2" })).ExpectError(400, "Invalid domain ID");

        Assert.Equal("192.0.2.1", Text((await client.Api.ListRecordsAsync(domainId)).Single(), "value"));
        Assert.Empty(await client.Api.ListRecordsAsync(other));
        // The record's own domain_id is accepted, so a client may send back the object it read.
        var updated = (await client.Api.PutJsonAsync(path, new JsonObject { ["domain_id"] = domainId.ToString(), ["value"] = "192.0.2.3" })).Expect(200);
        Assert.Equal(("www." + zone, "192.0.2.3"), (Text(updated, "name"), Text(updated, "value")));
    }

    [Fact]
    public async Task UpdateRecord_of_an_MX_keeps_its_priority_unless_given()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("updmx");
        var record = await client.Api.CreateRecordAsync(domainId, "@", "MX", "mx1.example.net", new JsonObject { ["priority"] = 10 });

        var moved = (await client.Api.PutJsonAsync($"/api/client/records/{IdOf(record)}", new JsonObject { ["value"] = "mx2.example.net" })).Expect(200);
        var reprioritized = (await client.Api.PutJsonAsync($"/api/client/records/{IdOf(record)}", new JsonObject { ["priority"] = 20 })).Expect(200);

        Assert.Equal((10, "mx2.example.net."), (moved.GetProperty("priority").GetInt32(), Text(moved, "value")));
        Assert.Equal((20, "mx2.example.net."), (reprioritized.GetProperty("priority").GetInt32(), Text(reprioritized, "value")));
        Assert.Equal(["20 mx2.example.net."], (await Dig.QueryAsync(Host.DnsEndpoint, zone, "MX")).Data("MX"));
    }

    [Fact]
    public async Task DeleteRecord_returns_the_message_and_the_record_is_gone()
    {
        var (client, domainId, _) = await ClientWithDomainAsync("delrec");
        var keep = await client.Api.CreateRecordAsync(domainId, "keep", "A", "192.0.2.1");
        var drop = await client.Api.CreateRecordAsync(domainId, "drop", "A", "192.0.2.2");

        var deleted = (await client.Api.DeleteAsync($"/api/client/records/{IdOf(drop)}")).Expect(200);

        Assert.Equal("""{"message":"Record deleted"}""", deleted.GetRawText());
        Assert.Equal([IdOf(keep)], (await client.Api.ListRecordsAsync(domainId)).Select(IdOf));
        (await client.Api.DeleteAsync($"/api/client/records/{IdOf(drop)}")).ExpectError(404, "Record not found");
        (await client.Api.PutJsonAsync($"/api/client/records/{IdOf(drop)}", new JsonObject { ["value"] = "192.0.2.3" })).ExpectError(404, "Record not found");
    }

    [Fact]
    public async Task Record_endpoints_are_400_for_a_malformed_record_id_and_404_for_an_unknown_one()
    {
        var client = await Host.NewClientAsync();
        JsonNode body = new JsonObject { ["value"] = "192.0.2.1" };

        (await client.Api.PutJsonAsync("/api/client/records/12345", body)).ExpectError(400, "Invalid record ID");
        (await client.Api.DeleteAsync("/api/client/records/12345")).ExpectError(400, "Invalid record ID");
        (await client.Api.PutJsonAsync($"/api/client/records/{Guid.NewGuid()}", body)).ExpectError(404, "Record not found");
        (await client.Api.DeleteAsync($"/api/client/records/{Guid.NewGuid()}")).ExpectError(404, "Record not found");
    }
}
