using System.Text;
using Meridian.Platform.Auth;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Simple;

/// <summary>Every bad input of the issue gets a clear refusal in the envelope and changes nothing: not the store, not the
/// zones' serials as DNS answers them, not the answers.</summary>
public sealed partial class SimpleApiTests
{
    public static TheoryData<string, string, string?, int, string> BadRequests() => new()
    {
        { "POST", "/simple/records/MX/example.com/bad/192.0.2.1", null, 400, "domain_type must be one of A or CNAME." },
        { "POST", "/simple/records", """{"domain_type":"AAAA","domain":"example.com","subdomain":"bad","to":"2001:db8::1"}""", 400, "domain_type must be one of A or CNAME." },
        { "POST", "/simple/records/A/example.org/bad/192.0.2.1", null, 400, "Invalid domain specified." },
        { "POST", "/simple/records/A/unlisted.example/bad/192.0.2.1", null, 400, "Invalid domain specified." },
        { "DELETE", "/simple/records/A/example.org/bad", null, 400, "Invalid domain specified." },
        { "POST", "/simple/records", """{"domain_type":"A","subdomain":"bad","to":"192.0.2.1"}""", 400, "Invalid domain specified." },
        { "POST", "/simple/records/A/example.com/www/192.0.2.1", null, 400, "Specified subdomain is blacklisted." },
        { "POST", "/simple/records/CNAME/example.com/MAIL/host.example.org", null, 400, "Specified subdomain is blacklisted." },
        { "DELETE", "/simple/records/A/example.com/www", null, 400, "Specified subdomain is blacklisted." },
        { "POST", "/simple/records/A/example.com/bad_name/192.0.2.1", null, 400, "Invalid subdomain specified" },
        { "POST", "/simple/records/A/example.com/-lead/192.0.2.1", null, 400, "Invalid subdomain specified" },
        { "POST", "/simple/records/A/example.com/trail-/192.0.2.1", null, 400, "Invalid subdomain specified" },
        { "POST", "/simple/records/A/example.com/two.labels/192.0.2.1", null, 400, "Invalid subdomain specified" },
        { "POST", "/simple/records/A/example.com/*/192.0.2.1", null, 400, "Invalid subdomain specified" },
        { "POST", "/simple/records", """{"domain_type":"A","domain":"example.com","subdomain":"_dmarc","to":"192.0.2.1"}""", 400, "Invalid subdomain specified" },
        { "POST", "/simple/records/A/example.com/@/192.0.2.1", null, 400, "apex" },
        { "POST", "/simple/records", """{"domain_type":"A","domain":"example.com","subdomain":"","to":"192.0.2.1"}""", 400, "apex" },
        { "POST", "/simple/records/A/example.com/bad/not-an-ip", null, 400, "to must be an IPv4 address" },
        { "POST", "/simple/records/A/example.com/bad/192.0.2", null, 400, "to must be an IPv4 address" },
        { "POST", "/simple/records/A/example.com/bad/192.0.2.256", null, 400, "to must be an IPv4 address" },
        { "POST", "/simple/records/A/example.com/bad/010.0.2.1", null, 400, "to must be an IPv4 address" },
        { "POST", "/simple/records", """{"domain_type":"A","domain":"example.com","subdomain":"bad","to":"2001:db8::1"}""", 400, "to must be an IPv4 address" },
        { "POST", "/simple/records", """{"domain_type":"A","domain":"example.com","subdomain":"bad","to":3221225985}""", 400, "to must be an IPv4 address" },
        { "POST", "/simple/records", """{"domain_type":"A","domain":"example.com","subdomain":"bad"}""", 400, "to is required" },
        { "POST", "/simple/records/CNAME/example.com/bad/host..example.org", null, 400, "to must be a host name" },
        { "POST", "/simple/records/CNAME/example.com/bad/localhost", null, 400, "to must be a host name" },
        { "POST", "/simple/records/CNAME/example.com/bad/-x.example.org", null, 400, "to must be a host name" },
        { "POST", "/simple/records", "", 400, "Request body is required" },
        { "POST", "/simple/records", "{\"domain_type\":", 400, "not valid JSON" },
        { "POST", "/simple/records", "[1,2]", 400, "must be a JSON object" },
        { "POST", "/simple/records/1", "", 400, "Request body is required" },
        { "GET", "/simple/records/999999", null, 404, "Record not found" },
        { "DELETE", "/simple/records/999999", null, 404, "Record not found" },
        { "PATCH", "/simple/records/999999", """{"to":"192.0.2.1"}""", 404, "Record not found" },
        { "DELETE", "/simple/records/A/example.com/nothing", null, 404, "Record not found" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_refused_clearly_and_changes_nothing(string method, string path, string? body, int status, string title)
    {
        using var alice = host.Simple();
        var before = await host.SnapshotAsync();
        var serials = await SerialsAsync();

        var response = body is null
            ? await alice.SendAsync(new HttpMethod(method), path)
            : await alice.SendAsync(new HttpMethod(method), path, new ByteArrayContent(Encoding.UTF8.GetBytes(body)));

        ExpectTitle(response, status, title);
        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        Assert.Equal(serials, await SerialsAsync());
        Assert.Equal("NXDOMAIN", (await DigAsync("bad.example.com", "A")).Status);
    }

    [Fact]
    public async Task Existing_record_and_a_CNAME_beside_an_A_are_conflicts_that_change_nothing()
    {
        using var alice = host.Simple();
        var a = Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/dual/192.0.2.20")).GetProperty("data");
        var before = await host.SnapshotAsync();
        var serials = await SerialsAsync();

        ExpectTitle(await alice.SendRawJsonAsync(HttpMethod.Post, "/simple/records",
            """{"domain_type":"A","domain":"example.com","subdomain":"dual","to":"192.0.2.21"}"""), 409, "Record already exists");
        ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/CNAME/example.com/dual/web.example.org"), 409, "an A and a CNAME record cannot share a name");
        ExpectTitle(await alice.SendRawJsonAsync(HttpMethod.Post, "/simple/records",
            """{"domain_type":"cname","domain":"example.com","subdomain":"dual","to":"web.example.org"}"""), 409, "an A and a CNAME record cannot share a name");
        ExpectTitle(await alice.SendRawJsonAsync(HttpMethod.Post, $"/simple/records/{a.GetProperty("id").GetInt64()}", """{"to":"web.example.org"}"""), 400,
            "to must be an IPv4 address");

        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        Assert.Equal(serials, await SerialsAsync());
        Assert.Equal(["192.0.2.20"], (await DigAsync("dual.example.com", "A")).Data("A"));
        Assert.Empty((await DigAsync("dual.example.com", "CNAME")).Data("CNAME"));
    }

    [Fact]
    public async Task Names_holding_records_made_another_way_are_left_alone()
    {
        var zoneId = host.Zones["example.com"];
        var made = await host.Service<RecordService>().CreateAsync(Actor.ForAccount(host.AccountId), zoneId, new RecordInput("legacy", "A", "192.0.2.99"));
        Assert.True(made.Succeeded, made.ToString());
        using var alice = host.Simple();
        var before = await host.SnapshotAsync();

        ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/legacy/192.0.2.98"), 409, "not made through the Simple API");
        ExpectTitle(await alice.DeleteAsync("/simple/records/A/example.com/legacy"), 404, "Record not found");
        Assert.DoesNotContain(Envelope(await alice.GetAsync("/simple/records?page[size]=100")).GetProperty("data").EnumerateArray(),
            r => r.GetProperty("subdomain").GetString() == "legacy");

        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        Assert.Equal(["192.0.2.99"], (await DigAsync("legacy.example.com", "A")).Data("A"));
    }

    [Fact]
    public async Task Another_users_record_is_not_found_by_id()
    {
        using var bob = host.Simple("bob");
        long id = Envelope(await bob.SendAsync(HttpMethod.Post, "/simple/records/A/example.org/bobs/192.0.2.30")).GetProperty("data").GetProperty("id").GetInt64();
        using var alice = host.Simple();
        var before = await host.SnapshotAsync();

        ExpectTitle(await alice.GetAsync($"/simple/records/{id}"), 404, "Record not found");
        ExpectTitle(await alice.PatchJsonAsync($"/simple/records/{id}", new System.Text.Json.Nodes.JsonObject { ["to"] = "192.0.2.31" }), 404, "Record not found");
        ExpectTitle(await alice.DeleteAsync($"/simple/records/{id}"), 404, "Record not found");

        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        Assert.Equal(["192.0.2.30"], (await DigAsync("bobs.example.org", "A")).Data("A"));
    }

    [Fact]
    public async Task A_suspended_account_cannot_be_written_through_the_Simple_API()
    {
        using var alice = host.Simple();
        long id = Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/held/192.0.2.90")).GetProperty("data").GetProperty("id").GetInt64();
        var accounts = host.Service<AccountService>();
        Assert.True((await accounts.SetSuspendedAsync(host.AccountId, suspended: true)).Succeeded);
        try
        {
            var before = await host.SnapshotAsync();
            var serials = await SerialsAsync();

            const string suspended = "The Simple API's account 'simple' is suspended: records cannot be changed until it is resumed.";
            ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/held/192.0.2.91"), 403, suspended);
            ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/fresh/192.0.2.92"), 403, suspended);
            ExpectTitle(await alice.SendRawJsonAsync(HttpMethod.Post, "/simple/records",
                """{"domain_type":"A","domain":"example.net","subdomain":"fresh","to":"192.0.2.92"}"""), 403, suspended);
            ExpectTitle(await alice.PatchJsonAsync($"/simple/records/{id}", new System.Text.Json.Nodes.JsonObject { ["to"] = "192.0.2.93" }), 403, suspended);
            ExpectTitle(await alice.DeleteAsync($"/simple/records/{id}"), 403, suspended);
            ExpectTitle(await alice.DeleteAsync("/simple/records/A/example.net/held"), 403, suspended);
            // Reading what is there still works (the records are still served, as the account's zones are).
            AssertRecord(Envelope(await alice.GetAsync($"/simple/records/{id}")).GetProperty("data"), id, "A", "example.net", "held", "192.0.2.90");

            Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
            Assert.Equal(serials, await SerialsAsync());
            Assert.Equal(["192.0.2.90"], (await DigAsync("held.example.net", "A")).Data("A"));
            Assert.Equal("NXDOMAIN", (await DigAsync("fresh.example.net", "A")).Status);
        }
        finally
        {
            Assert.True((await accounts.SetSuspendedAsync(host.AccountId, suspended: false)).Succeeded);
        }
        AssertRecord(Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/held/192.0.2.91")).GetProperty("data"),
            id, "A", "example.net", "held", "192.0.2.91");
    }

    private async Task<IReadOnlyList<uint>> SerialsAsync()
    {
        var serials = new List<uint>();
        foreach (string zone in host.Zones.Keys.Order(StringComparer.Ordinal)) serials.Add(await SerialAsync(zone));
        return serials;
    }
}
