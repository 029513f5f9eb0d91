using System.Text;
using System.Text.Json.Nodes;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using static Meridian.Api.Tests.Simple.SimpleApiTests;

namespace Meridian.Api.Tests.Simple;

/// <summary>The Simple API on the <c>dnsimple</c> backend against the loopback stand-in DNSimple: the spec's examples,
/// rows kept here and records mirrored there, and every refusal or provider failure leaving both as they were.</summary>
public sealed class SimpleApiDnsimpleTests(SimpleApiDnsimpleHost host) : IClassFixture<SimpleApiDnsimpleHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.ReadyAsync();

    public Task DisposeAsync()
    {
        // Every test leaves the stand-in answering normally for the next.
        host.Dnsimple.FailWritesAfter(-1);
        host.Dnsimple.RefuseCredentials = false;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Spec_examples_work_as_written_and_DNSimple_holds_the_records()
    {
        using var anonymous = host.Anonymous();
        using var alice = host.Simple();
        await SimpleSpecExamples.RunAsync(anonymous, alice, "/simple", host.HeldAsync);

        // Kept at DNSimple with the original's TTL, with the id the row keeps.
        var record = Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/kept/192.0.2.50")).GetProperty("data");
        Assert.Contains("kept.example.net 60 A 192.0.2.50", host.HeldRecords());
        var held = host.Dnsimple.Records.Single(r => r.Name == "kept.example.net");
        await using var db = host.Service<PlatformDatabase>().CreateContext();
        var row = await db.SimpleRecords.AsNoTracking().SingleAsync(s => s.Id == record.GetProperty("id").GetInt64());
        Assert.Equal(held.Id, row.ProviderRecordId);
        Assert.Equal("alice", row.CreatedBy);
        Assert.Null(row.RecordId);
    }

    [Fact]
    public async Task A_failed_create_leaves_no_row_and_says_why()
    {
        using var alice = host.Simple();
        var rows = await host.RowsAsync();
        var held = host.HeldRecords();

        host.Dnsimple.FailWritesAfter(0);
        ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/down/192.0.2.60"), 502,
            "DNSimple could not create down.example.com: Internal server error; nothing was created.");
        ExpectTitle(await alice.SendRawJsonAsync(HttpMethod.Post, "/simple/records",
            """{"domain_type":"CNAME","domain":"example.com","subdomain":"down","to":"host.example.org"}"""), 502, "DNSimple could not create");
        host.Dnsimple.FailWritesAfter(-1);
        host.Dnsimple.RefuseCredentials = true;
        ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/down/192.0.2.60"), 502,
            "Authentication failed (check SimpleApi:DNSimple:Token and SimpleApi:DNSimple:Account)");

        Assert.Equal(rows, await host.RowsAsync());
        Assert.Equal(held, host.HeldRecords());
        Assert.DoesNotContain(Envelope(await alice.GetAsync("/simple/records?page[size]=100")).GetProperty("data").EnumerateArray(),
            r => r.GetProperty("subdomain").GetString() == "down");
    }

    [Fact]
    public async Task A_failed_update_or_delete_leaves_the_row_and_the_record_as_they_were()
    {
        using var alice = host.Simple();
        long id = Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/steady/192.0.2.70")).GetProperty("data")
            .GetProperty("id").GetInt64();
        var rows = await host.RowsAsync();
        var held = host.HeldRecords();

        host.Dnsimple.FailWritesAfter(0);
        ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/steady/192.0.2.71"), 502,
            "DNSimple could not update steady.example.com: Internal server error; the record is unchanged.");
        ExpectTitle(await alice.PatchJsonAsync($"/simple/records/{id}", new JsonObject { ["to"] = "192.0.2.72" }), 502, "the record is unchanged");
        ExpectTitle(await alice.DeleteAsync($"/simple/records/{id}"), 502, "DNSimple could not delete steady.example.com: Internal server error; the record is kept.");
        ExpectTitle(await alice.DeleteAsync("/simple/records/A/example.com/steady"), 502, "the record is kept");
        host.Dnsimple.FailWritesAfter(-1);
        host.Dnsimple.RefuseCredentials = true;
        ExpectTitle(await alice.DeleteAsync($"/simple/records/{id}"), 502, "Authentication failed");

        Assert.Equal(rows, await host.RowsAsync());
        Assert.Equal(held, host.HeldRecords());
        host.Dnsimple.RefuseCredentials = false;
        AssertRecord(Envelope(await alice.GetAsync($"/simple/records/{id}")).GetProperty("data"), id, "A", "example.com", "steady", "192.0.2.70");
    }

    [Theory]
    [MemberData(nameof(SimpleApiTests.BadRequests), MemberType = typeof(SimpleApiTests))]
    public async Task Bad_input_is_refused_clearly_and_changes_nothing_here_or_at_DNSimple(string method, string path, string? body, int status, string title)
    {
        using var alice = host.Simple();
        var rows = await host.RowsAsync();
        var held = host.HeldRecords();
        int writes = host.Dnsimple.WriteCount;

        var response = body is null
            ? await alice.SendAsync(new HttpMethod(method), path)
            : await alice.SendAsync(new HttpMethod(method), path, new ByteArrayContent(Encoding.UTF8.GetBytes(body)));

        ExpectTitle(response, status, title);
        Assert.Equal(rows, await host.RowsAsync());
        Assert.Equal(held, host.HeldRecords());
        Assert.Equal(writes, host.Dnsimple.WriteCount);
    }

    [Fact]
    public async Task Existing_record_and_a_CNAME_beside_an_A_are_conflicts_that_change_nothing()
    {
        using var alice = host.Simple();
        Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.net/dual/192.0.2.20"));
        var rows = await host.RowsAsync();
        var held = host.HeldRecords();

        ExpectTitle(await alice.SendRawJsonAsync(HttpMethod.Post, "/simple/records",
            """{"domain_type":"A","domain":"example.net","subdomain":"dual","to":"192.0.2.21"}"""), 409, "Record already exists");
        ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/CNAME/example.net/dual/web.example.org"), 409, "an A and a CNAME record cannot share a name");

        Assert.Equal(rows, await host.RowsAsync());
        Assert.Equal(held, host.HeldRecords());
    }

    [Fact]
    public async Task Names_holding_records_made_at_DNSimple_another_way_are_left_alone()
    {
        host.Dnsimple.Add("example.com", "byhand", "A", "192.0.2.99", 300);
        using var alice = host.Simple();
        var held = host.HeldRecords();

        ExpectTitle(await alice.SendAsync(HttpMethod.Post, "/simple/records/CNAME/example.com/byhand/web.example.org"), 409,
            "byhand.example.com has records at DNSimple that were not made through the Simple API");
        ExpectTitle(await alice.DeleteAsync("/simple/records/A/example.com/byhand"), 404, "Record not found");

        Assert.Equal(held, host.HeldRecords());
    }

    [Fact]
    public async Task A_record_removed_at_DNSimple_by_hand_is_deleted_here_too()
    {
        using var alice = host.Simple();
        Envelope(await alice.SendAsync(HttpMethod.Post, "/simple/records/A/example.com/gone/192.0.2.80"));
        host.Dnsimple.Records.RemoveAll(r => r.Name == "gone.example.com");

        Envelope(await alice.DeleteAsync("/simple/records/A/example.com/gone"));

        Assert.DoesNotContain(await host.RowsAsync(), r => r.Contains("::gone ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_users_record_is_not_found_by_id()
    {
        using var bob = host.Simple("bob");
        long id = Envelope(await bob.SendAsync(HttpMethod.Post, "/simple/records/A/example.org/bobs/192.0.2.30")).GetProperty("data").GetProperty("id").GetInt64();
        using var alice = host.Simple();
        var held = host.HeldRecords();

        ExpectTitle(await alice.GetAsync($"/simple/records/{id}"), 404, "Record not found");
        ExpectTitle(await alice.PatchJsonAsync($"/simple/records/{id}", new JsonObject { ["to"] = "192.0.2.31" }), 404, "Record not found");
        ExpectTitle(await alice.DeleteAsync($"/simple/records/{id}"), 404, "Record not found");

        Assert.Equal(held, host.HeldRecords());
    }
}
