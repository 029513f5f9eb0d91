using System.Text;
using System.Text.Json.Nodes;
using Meridian.Api.Idempotency;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Api.Tests.Idempotency;

/// <summary><c>Idempotency-Key</c> on the Partner API's POST and PATCH over real HTTP, on a clock the tests move.
/// The concrete classes run the same tests on SQLite and on PostgreSQL (the store's SQL differs between them).</summary>
public abstract class PartnerIdempotencyTests(ApiHost host, TestClock clock) : IAsyncLifetime
{
    private const string Replayed = "Idempotent-Replayed";

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_retried_create_gets_the_first_answer_and_creates_one_record()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        string body = RecordBody(domainId, "www", "192.0.2.10");

        var first = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", body, "create-www");
        var before = await host.SnapshotAsync();
        var retry = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", body, "create-www");

        first.Expect(201);
        Assert.Null(first.Header(Replayed));
        Assert.Equal(201, retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.ContentType, retry.ContentType);
        Assert.Equal("true", retry.Header(Replayed));
        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        Assert.Single(await RecordsAsync(partner, domainId));
        Assert.Equal(1, await StoredCountAsync(partner));
    }

    [Fact]
    public async Task A_retried_user_session_gets_the_same_login_url_and_issues_no_second_link()
    {
        var partner = await PartnerKey.CreateAsync(host);
        string body = """{"user_identifier":"retried-user","email":"user@example.net"}""";

        var first = (await SendAsync(partner, HttpMethod.Post, "/api/v1/users", body, "user-1")).Expect(201);
        var retry = (await SendAsync(partner, HttpMethod.Post, "/api/v1/users", body, "user-1")).Expect(201);

        Assert.Equal(first.GetProperty("login_url").GetString(), retry.GetProperty("login_url").GetString());
        await using var db = host.Service<PlatformDatabase>().CreateContext();
        Assert.Equal(1, await db.LoginSessions.CountAsync(s => s.AccountId == partner.AccountId));
    }

    [Fact]
    public async Task A_retried_patch_is_answered_again_and_changes_nothing()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        var record = (await partner.Api.PostJsonAsync("/api/v1/dns_records", JsonNode.Parse(RecordBody(domainId, "api", "192.0.2.20"))!)).Expect(201);
        string path = $"/api/v1/dns_records/{record.GetProperty("id").GetString()}";

        var first = await SendAsync(partner, HttpMethod.Patch, path, """{"ttl":600}""", "patch-ttl");
        var before = await host.SnapshotAsync();
        var retry = await SendAsync(partner, HttpMethod.Patch, path, """{"ttl":600}""", "patch-ttl");

        Assert.Equal(600, first.Expect(200).GetProperty("ttl").GetInt32());
        Assert.Equal(200, retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal("true", retry.Header(Replayed));
        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_422_and_changes_nothing()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        (await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "www", "192.0.2.10"), "reused")).Expect(201);
        var before = await host.SnapshotAsync();

        var otherBody = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "www", "192.0.2.11"), "reused");
        var otherPath = await SendAsync(partner, HttpMethod.Post, "/api/v1/users", """{"user_identifier":"someone"}""", "reused");

        AssertPartnerError(otherBody, 422, "already used with a different request");
        AssertPartnerError(otherPath, 422, "already used with a different request");
        Assert.Null(otherBody.Header(Replayed));
        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        Assert.Single(await RecordsAsync(partner, domainId));
    }

    [Fact]
    public async Task Different_api_keys_with_the_same_idempotency_key_are_independent()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        var secondKey = await partner.AnotherKeyAsync(host, "second key");

        var first = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "a", "192.0.2.1"), "shared-key");
        var second = await SendAsync(secondKey, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "b", "192.0.2.2"), "shared-key");

        first.Expect(201);
        second.Expect(201);
        Assert.Null(second.Header(Replayed));
        Assert.Equal(["a", "b"], (await RecordsAsync(partner, domainId)).Select(r => r["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task After_24_hours_the_key_is_new_again()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        (await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "old", "192.0.2.1"), "daily")).Expect(201);

        clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        AssertPartnerError(await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "new", "192.0.2.2"), "daily"),
            422, "already used");

        clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "new", "192.0.2.2"), "daily");
        fresh.Expect(201);
        Assert.Null(fresh.Header(Replayed));
        Assert.Equal(2, (await RecordsAsync(partner, domainId)).Count);
        // The new first answer is the one replayed now.
        var retry = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "new", "192.0.2.2"), "daily");
        Assert.Equal(fresh.Body, retry.Body);
        Assert.Equal("true", retry.Header(Replayed));
    }

    [Fact]
    public async Task Expired_answers_are_deleted_by_the_sweep()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        (await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "swept", "192.0.2.1"), "to-sweep")).Expect(201);
        var store = host.Service<IdempotencyStore>();
        await store.DeleteExpiredAsync();
        Assert.Equal(1, await StoredCountAsync(partner));

        clock.Advance(IdempotencyStore.Lifetime);
        Assert.True(await store.DeleteExpiredAsync() >= 1);

        Assert.Equal(0, await StoredCountAsync(partner));
    }

    [Fact]
    public async Task A_duplicate_of_a_request_still_running_is_409_and_runs_once_the_first_gives_up()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        string body = RecordBody(domainId, "busy", "192.0.2.30");
        // Another node (or a slower thread) has claimed the key for this very request and not answered yet.
        var store = host.Service<IdempotencyStore>();
        var running = await store.ClaimAsync(partner.KeyId, "in-flight", RequestFingerprint.Of("POST", "/api/v1/dns_records", Encoding.UTF8.GetBytes(body)));
        Assert.Equal(IdempotencyOutcome.Claimed, running.Outcome);
        var before = await host.SnapshotAsync();

        var duplicate = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", body, "in-flight");
        AssertPartnerError(duplicate, 409, "still being processed");
        // It clears by itself, unlike a lasting conflict: a client is told when to retry.
        Assert.Equal("1", duplicate.Header("Retry-After"));
        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);

        await store.AbandonAsync(running);
        (await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", body, "in-flight")).Expect(201);
    }

    [Fact]
    public async Task A_claim_left_by_a_stopped_process_is_taken_over_after_the_in_flight_timeout()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        string body = RecordBody(domainId, "orphan", "192.0.2.31");
        await host.Service<IdempotencyStore>().ClaimAsync(partner.KeyId, "orphaned", RequestFingerprint.Of("POST", "/api/v1/dns_records", Encoding.UTF8.GetBytes(body)));

        clock.Advance(IdempotencyStore.InFlightTimeout);

        (await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", body, "orphaned")).Expect(201);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_400()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        var before = await host.SnapshotAsync();

        var tooLong = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "long", "192.0.2.1"), new string('k', 256));

        AssertPartnerError(tooLong, 400, "at most 255 characters");
        Assert.Equal(before.Lines, (await host.SnapshotAsync()).Lines);
        (await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", RecordBody(domainId, "long", "192.0.2.1"), new string('k', 255))).Expect(201);
    }

    [Fact]
    public async Task A_refusal_is_answered_again_but_a_rate_limited_request_runs_for_real_when_retried()
    {
        var (partner, domainId) = await PartnerWithDomainAsync();
        string invalid = RecordBody(domainId, "bad", "not-an-address");
        var refused = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", invalid, "refused");
        refused.Expect(422);
        var again = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", invalid, "refused");
        Assert.Equal(refused.Body, again.Body);
        Assert.Equal("true", again.Header(Replayed));

        // A new minute, all of whose 100 requests are spent, so the next request is 429.
        clock.Advance(TimeSpan.FromMinutes(1));
        for (int i = 0; i < 100; i++) (await partner.Api.GetAsync($"/api/v1/domains/{domainId}")).Expect(200);
        string body = RecordBody(domainId, "later", "192.0.2.40");
        Assert.Equal(429, (await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", body, "limited")).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await SendAsync(partner, HttpMethod.Post, "/api/v1/dns_records", body, "limited");
        retried.Expect(201);
        Assert.Null(retried.Header(Replayed));
    }

    /// <summary>A new partner with a user who owns one new domain; the domain's id.</summary>
    private async Task<(PartnerKey Partner, string DomainId)> PartnerWithDomainAsync()
    {
        var partner = await PartnerKey.CreateAsync(host);
        (await partner.Api.PostJsonAsync("/api/v1/users", new JsonObject { ["user_identifier"] = "owner" })).Expect(201);
        var domain = (await partner.Api.PostJsonAsync("/api/v1/users/owner/domains", new JsonObject { ["name"] = TestNames.Domain("idem") })).Expect(201);
        return (partner, domain.GetProperty("id").GetString()!);
    }

    private static string RecordBody(string domainId, string name, string value) =>
        new JsonObject { ["domain_id"] = domainId, ["type"] = "A", ["name"] = name, ["value"] = value }.ToJsonString();

    private static Task<ApiResponse> SendAsync(PartnerKey partner, HttpMethod method, string path, string body, string idempotencyKey) =>
        partner.Api.SendAsync(method, path, ApiClient.Json(body), [("Idempotency-Key", idempotencyKey)]);

    private static async Task<IReadOnlyList<JsonNode>> RecordsAsync(PartnerKey partner, string domainId)
    {
        var listing = JsonNode.Parse((await partner.Api.GetAsync($"/api/v1/domains/{domainId}/dns_records")).Body)!;
        return [.. listing["dns_records"]!.AsArray().Select(r => r!)];
    }

    private async Task<int> StoredCountAsync(PartnerKey partner)
    {
        await using var db = host.Service<PlatformDatabase>().CreateContext();
        return await db.IdempotentRequests.CountAsync(r => r.ApiKeyId == partner.KeyId);
    }

    /// <summary>A refusal in the Partner API's shape about the Idempotency-Key header.</summary>
    private static void AssertPartnerError(ApiResponse response, int status, string fragment)
    {
        var body = response.Expect(status);
        Assert.Contains(fragment, Assert.Single(body.GetProperty("errors").EnumerateArray()).GetString()!, StringComparison.Ordinal);
        Assert.Equal("Idempotency-Key", Assert.Single(body.GetProperty("details").EnumerateArray()).GetProperty("field").GetString());
    }
}
