using System.Text.Json.Nodes;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    /// <summary>Record fields that break one rule each: name, type, value, extra fields as JSON, and a
    /// fragment the error must contain.</summary>
    public static TheoryData<string, string, string, string, string> InvalidRecords => new()
    {
        { "www", "A", "999.1.1.1", "{}", "Invalid A value" },
        { "www", "A", "2001:db8::1", "{}", "Invalid A value" },
        { "www", "AAAA", "192.0.2.1", "{}", "Invalid AAAA value" },
        { "www.elsewhere.net.", "A", "192.0.2.1", "{}", "does not belong to domain" },
        { "bad name", "A", "192.0.2.1", "{}", "not valid" },
        { "a..b", "A", "192.0.2.1", "{}", "not valid" },
        { "@", "CNAME", "target.example.net", "{}", "apex" },
        { "@", "MX", "mail.example.net", """{"priority":65536}""", "Priority 65536 is out of range" },
        { "@", "MX", "mail.example.net", """{"priority":-1}""", "Priority -1 is out of range" },
        { "@", "MX", "mail.example.net", "{}", "priority" },
        { "_sip._tcp", "SRV", "5 5060 sip.example.net", """{"priority":70000}""", "out of range" },
        { "www", "A", "192.0.2.1", """{"ttl":0}""", "TTL 0 is out of range" },
        { "www", "A", "192.0.2.1", """{"ttl":604801}""", "TTL 604801 is out of range" },
        { "www", "A", "192.0.2.1", """{"ttl":-60}""", "out of range" },
        { "www", "FOO", "192.0.2.1", "{}", "'FOO' is not a record type" },
        { "www", "", "192.0.2.1", "{}", "type is required" },
        { "@", "SOA", "ns1.example.net. hostmaster.example.net. 1 2 3 4 5", "{}", "SOA" },
        { "www", "A", "", "{}", "value is required" },
        { "www", "A", "192.0.2.1", """{"country_codes":["ZZ"]}""", "\"ZZ\"" },
        { "www", "A", "192.0.2.1", """{"country_codes":["USA1"]}""", "\"USA1\"" },
        { "www", "A", "192.0.2.1", """{"country_codes":["US","Atlantis"]}""", "\"Atlantis\"" },
        { "www", "A", "192.0.2.1", """{"country_codes":["disabled","US"]}""", "disabled" },
    };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task CreateRecord_refuses_a_record_that_breaks_a_rule_with_400_and_stores_nothing(string name, string type, string value, string extra, string fragment)
    {
        var (client, domainId, _) = await ClientWithDomainAsync("invalid");
        var before = await Host.SnapshotAsync();

        var refused = await client.Api.PostJsonAsync("/api/client/records",
            Meridian.Api.Tests.Support.ApiClient.RecordBody(domainId, name, type, value, JsonNode.Parse(extra)!.AsObject()));

        refused.ExpectError(400, fragment);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task UpdateRecord_refuses_a_change_that_breaks_a_rule_with_400_and_changes_nothing(string name, string type, string value, string extra, string fragment)
    {
        var (client, domainId, _) = await ClientWithDomainAsync("invalidupd");
        var record = await client.Api.CreateRecordAsync(domainId, "existing", "A", "192.0.2.200");
        var before = await Host.SnapshotAsync();
        var change = JsonNode.Parse(extra)!.AsObject();
        change["name"] = name;
        change["type"] = type;
        change["value"] = value;

        var refused = await client.Api.PutJsonAsync($"/api/client/records/{IdOf(record)}", change);

        refused.ExpectError(400, fragment);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Theory]
    [InlineData("A", "192.0.2.1", "CNAME", "target.example.net", "CNAME cannot sit beside other data")]
    [InlineData("CNAME", "target.example.net", "A", "192.0.2.1", "has a CNAME record")]
    [InlineData("CNAME", "target.example.net", "CNAME", "other.example.net", "only one")]
    [InlineData("TXT", "hello", "TXT", "hello", "duplicate record")]
    [InlineData("A", "192.0.2.1", "A", "192.0.2.1", "duplicate record")]
    public async Task CreateRecord_refuses_a_record_that_conflicts_with_one_at_the_same_name(string firstType, string firstValue, string type, string value, string fragment)
    {
        var (client, domainId, _) = await ClientWithDomainAsync("conflict");
        await client.Api.CreateRecordAsync(domainId, "www", firstType, firstValue);
        var before = await Host.SnapshotAsync();

        var refused = await client.Api.PostJsonAsync("/api/client/records",
            Meridian.Api.Tests.Support.ApiClient.RecordBody(domainId, "WWW", type, value));

        refused.ExpectError(400, fragment);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task UpdateRecord_refuses_to_make_a_duplicate_or_a_CNAME_beside_other_data()
    {
        var (client, domainId, _) = await ClientWithDomainAsync("conflictupd");
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        var second = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.2");
        var before = await Host.SnapshotAsync();

        var duplicate = await client.Api.PutJsonAsync($"/api/client/records/{IdOf(second)}", new JsonObject { ["value"] = "192.0.2.1" });
        var cname = await client.Api.PutJsonAsync($"/api/client/records/{IdOf(second)}", new JsonObject { ["type"] = "CNAME", ["value"] = "example.net" });

        duplicate.ExpectError(400, "duplicate record");
        cname.ExpectError(400, "CNAME");
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task CreateRecord_requires_domain_id_name_type_and_value()
    {
        var (client, domainId, _) = await ClientWithDomainAsync("required");
        var full = Meridian.Api.Tests.Support.ApiClient.RecordBody(domainId, "www", "A", "192.0.2.1");

        foreach (string field in new[] { "domain_id", "name", "type", "value" })
        {
            var body = full.DeepClone().AsObject();
            body.Remove(field);
            (await client.Api.PostJsonAsync("/api/client/records", body)).ExpectError(400, field == "domain_id" ? "domain_id is required" : $"{field} is required");
        }
        Assert.Empty(await client.Api.ListRecordsAsync(domainId));
    }
}
