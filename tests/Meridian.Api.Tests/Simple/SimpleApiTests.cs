using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Api.Tests.Simple;

/// <summary>The Simple API at <c>/simple</c> on the <c>meridian</c> backend: the spec's examples, the original's shapes,
/// DNS answering every change at once (checked with dig), and every refusal changing nothing (zone serials and the store
/// compared before and after).</summary>
public sealed partial class SimpleApiTests(SimpleApiHost host) : IClassFixture<SimpleApiHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.ReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Spec_examples_work_as_written_on_the_simple_mount()
    {
        using var anonymous = host.Anonymous();
        using var alice = host.Simple();
        await SimpleSpecExamples.RunAsync(anonymous, alice, "/simple", name => SimpleSpecExamples.DnsAnswersAsync(host.DnsEndpoint, name));
    }

    [Fact]
    public async Task Pointing_a_record_at_its_own_target_changes_no_serial()
    {
        using var alice = host.Simple();
        long id = Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/same/192.0.2.12")).GetProperty("data").GetProperty("id").GetInt64();
        uint serial = await SerialAsync("example.net");

        AssertRecord(Envelope(await alice.SendRawJsonAsync(HttpMethod.Post, $"/simple/records/{id}", """{"to": "192.0.2.12"}""")).GetProperty("data"),
            id, "A", "example.net", "same", "192.0.2.12");
        Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/same/192.0.2.12"));

        Assert.Equal(serial, await SerialAsync("example.net"));
    }

    [Fact]
    public async Task Every_change_is_journalled_as_the_simple_user_with_a_new_serial()
    {
        using var alice = host.Simple();
        uint before = await SerialAsync("example.net");

        Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/journal/198.51.100.7"));

        uint after = await SerialAsync("example.net");
        Assert.NotEqual(before, after);
        await using var db = host.Service<PlatformDatabase>().CreateContext();
        var change = await db.ZoneChanges.AsNoTracking().Where(c => c.ZoneId == host.Zones["example.net"]).OrderByDescending(c => c.Sequence).FirstAsync();
        Assert.Equal("simple:alice", change.Principal);
        Assert.Equal(after, (uint)change.Serial);
        Assert.Contains("journal.example.net.", change.RecordSets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hyphens_inside_a_subdomain_are_accepted_as_documented()
    {
        using var alice = host.Simple();
        var record = Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/build-01/203.0.113.5")).GetProperty("data");
        Assert.Equal("A::example.net::build-01", record.GetProperty("domain_key").GetString());
        Assert.Equal(["203.0.113.5"], (await DigAsync("build-01.example.net", "A")).Data("A"));
    }

    [Fact]
    public async Task Json_body_is_read_whatever_the_content_type()
    {
        using var alice = host.Simple();
        foreach (var (subdomain, contentType) in new[] { ("untyped", (string?)null), ("textplain", "text/plain"), ("formlabel", "application/x-www-form-urlencoded") })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(
                $$"""{"domain_type":"A","domain":"example.net","subdomain":"{{subdomain}}","to":"192.0.2.44"}"""));
            if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            var record = Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records", content)).GetProperty("data");
            Assert.Equal(subdomain, record.GetProperty("subdomain").GetString());
            Assert.Equal(["192.0.2.44"], (await DigAsync($"{subdomain}.example.net", "A")).Data("A"));
        }
    }

    [Fact]
    public async Task Records_are_listed_newest_first_in_pages_of_the_callers_domains_only()
    {
        using var carol = host.Simple("carol");
        var ids = new List<long>();
        for (int i = 1; i <= 12; i++)
        {
            ids.Add(Envelope(await carol.SendAsync(HttpMethod.Post, $"/simple/records/A/example.info/host{i}/192.0.2.{i}")).GetProperty("data").GetProperty("id").GetInt64());
        }
        ids.Reverse();

        var first = Envelope(await carol.GetAsync("/simple/records"));
        Assert.Equal(ids, first.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(1, first.GetProperty("meta").GetProperty("pagination").GetProperty("number").GetInt32());
        Assert.Equal(30, first.GetProperty("meta").GetProperty("pagination").GetProperty("size").GetInt32());

        var page1 = Envelope(await carol.GetAsync("/simple/records?page[size]=10"));
        var page2 = Envelope(await carol.GetAsync("/simple/records?page[number]=2&page[size]=10"));
        Assert.Equal(ids[..10], page1.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(ids[10..], page2.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(2, page2.GetProperty("meta").GetProperty("pagination").GetProperty("number").GetInt32());
        Assert.Empty(Envelope(await carol.GetAsync("/simple/records?page[number]=3&page[size]=10")).GetProperty("data").EnumerateArray());

        // Another user sees none of them, one by one or listed.
        using var bob = host.Simple("bob");
        Assert.DoesNotContain(Envelope(await bob.GetAsync("/simple/records?page[size]=100")).GetProperty("data").EnumerateArray(),
            r => r.GetProperty("domain").GetString() == "example.info");
        ExpectTitle(await bob.GetAsync($"/simple/records/{ids[0]}"), 404, "Record not found");

        foreach (string query in new[] { "page[size]=9", "page[size]=101", "page[size]=ten", "page[number]=0", "page[number]=-1", "page[size]=" })
            ExpectTitle(await carol.GetAsync("/simple/records?" + query), 400, "page[");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_in_the_envelope()
    {
        using var alice = host.Simple();
        ExpectTitle(await alice.GetAsync("/simple/no/such/route"), 404, "Route not found");
        ExpectTitle(await alice.SendAsync(HttpMethod.Put, "/simple/whoami"), 405, "Method not allowed");
        ExpectTitle(await alice.GetAsync("/simple/records/not-a-number"), 404, "Record not found");
    }

    /// <summary>The body of a 200 answer: <c>{"data": …, "meta": {"status": 200}}</c> and nothing else.</summary>
    internal static JsonElement Envelope(ApiResponse response)
    {
        var json = response.Expect(200);
        Assert.Equal(["data", "meta"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, json.GetProperty("meta").GetProperty("status").GetInt32());
        return json;
    }

    /// <summary>A refusal: <c>{"errors": [{"title": …}], "meta": {"status": N}}</c> whose title contains <paramref name="title"/>.</summary>
    internal static void ExpectTitle(ApiResponse response, int status, string title)
    {
        Assert.True(response.Status == status, $"expected {status} '{title}', got {response.Status}: {response.Body}");
        var json = response.Json;
        Assert.Equal(["errors", "meta"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(status, json.GetProperty("meta").GetProperty("status").GetInt32());
        var titles = json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();
        Assert.True(titles.Any(t => t.Contains(title, StringComparison.Ordinal)), $"expected a title with '{title}': {response.Body}");
    }

    internal static void AssertRecord(JsonElement record, long id, string type, string domain, string subdomain, string to)
    {
        Assert.Equal(id, record.GetProperty("id").GetInt64());
        Assert.Equal("record", record.GetProperty("type").GetString());
        Assert.Equal($"{type}::{domain}::{subdomain}", record.GetProperty("domain_key").GetString());
        Assert.Equal(type, record.GetProperty("domain_type").GetString());
        Assert.Equal(domain, record.GetProperty("domain").GetString());
        Assert.Equal(subdomain, record.GetProperty("subdomain").GetString());
        Assert.Equal(to, record.GetProperty("to").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", record.GetProperty("created").GetString());
        Assert.Equal(60, record.GetProperty("ttl").GetInt32());
    }

    private Task<DigAnswer> DigAsync(string name, string type) => Dig.QueryAsync(host.DnsEndpoint, name, type);

    private async Task<uint> SerialAsync(string zone) => (await Dig.QueryAsync(host.DnsEndpoint, zone, "SOA")).SoaSerial;
}
