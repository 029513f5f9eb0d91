using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;

namespace Meridian.Api.Tests.Partner;

/// <summary>/api/v1/keys: a key holding the <c>keys</c> scope lists, issues and revokes its own account's keys in its
/// own environment, and grants no scope it lacks.</summary>
public abstract partial class PartnerApiTests
{
    private static readonly string[] s_keyManager = [Scopes.DnsRead, Scopes.DnsWrite, Scopes.Users, Scopes.Keys];

    [Fact]
    public async Task A_key_manager_issues_a_working_key_once_lists_it_without_its_secret_and_revokes_it()
    {
        var partner = await Host.NewPartnerAsync(s_keyManager);
        var issued = (await partner.Api.PostJsonAsync("/api/v1/keys",
            new JsonObject { ["name"] = "reader", ["scopes"] = new JsonArray(Scopes.DnsRead) })).Expect(201);
        string token = Text(issued, "token");
        Assert.StartsWith("mk_live_", token, StringComparison.Ordinal);
        Assert.Equal("production", Text(issued, "environment"));
        Assert.Equal([Scopes.DnsRead], issued.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        // The new key works within its scope and is refused beyond it.
        var (user, domainId, _) = await PartnerAccount.UserWithDomainAsync(partner.Api, "keys");
        using var reader = Host.Anonymous("Bearer " + token);
        (await reader.GetAsync($"/api/v1/domains/{domainId}")).Expect(200);
        (await reader.PostJsonAsync("/api/v1/dns_records",
            new JsonObject { ["domain_id"] = domainId, ["type"] = "A", ["name"] = "r", ["value"] = "192.0.2.4" })).ExpectErrors(403);

        var listed = Key(await partner.Api.GetAsync("/api/v1/keys"), Text(issued, "id"));
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.DoesNotContain(token[(token.LastIndexOf('_') + 1)..], listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revoked_at").ValueKind);

        var revoked = (await partner.Api.DeleteAsync($"/api/v1/keys/{Text(issued, "id")}")).Expect(200);
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revoked_at").ValueKind);
        (await reader.GetAsync($"/api/v1/domains/{domainId}")).ExpectErrors(401);
        Assert.NotEqual(JsonValueKind.Null, Key(await partner.Api.GetAsync("/api/v1/keys"), Text(issued, "id")).GetProperty("revoked_at").ValueKind);
        Assert.NotEmpty(user);
    }

    [Fact]
    public async Task A_key_grants_no_scope_it_lacks_and_a_key_without_the_keys_scope_manages_none()
    {
        var manager = await Host.NewPartnerAsync([Scopes.DnsRead, Scopes.Keys]);
        var before = (await manager.Api.GetAsync("/api/v1/keys")).Expect(200).GetProperty("keys").GetArrayLength();
        var beyond = await manager.Api.PostJsonAsync("/api/v1/keys",
            new JsonObject { ["name"] = "writer", ["scopes"] = new JsonArray(Scopes.DnsWrite) });
        Assert.Contains("dns:write", beyond.ExpectErrors(403)[0], StringComparison.Ordinal);
        (await manager.Api.PostJsonAsync("/api/v1/keys", new JsonObject { ["name"] = "x", ["scopes"] = new JsonArray("root") })).ExpectErrors(422);
        (await manager.Api.PostJsonAsync("/api/v1/keys", new JsonObject { ["scopes"] = new JsonArray(Scopes.DnsRead) })).ExpectErrors(422);
        Assert.Equal(before, (await manager.Api.GetAsync("/api/v1/keys")).Expect(200).GetProperty("keys").GetArrayLength());

        // By default the new key holds the caller's scopes; a second live key of that name is a conflict.
        var copy = (await manager.Api.PostJsonAsync("/api/v1/keys", new JsonObject { ["name"] = "copy" })).Expect(201);
        Assert.Equal([Scopes.DnsRead, Scopes.Keys], copy.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order());
        (await manager.Api.PostJsonAsync("/api/v1/keys", new JsonObject { ["name"] = "copy" })).ExpectErrors(409);

        var plain = await Host.NewPartnerAsync();
        Assert.Equal(["Insufficient permissions"], (await plain.Api.GetAsync("/api/v1/keys")).ExpectErrors(403));
        (await plain.Api.PostJsonAsync("/api/v1/keys", new JsonObject { ["name"] = "mine" })).ExpectErrors(403);
    }

    [Fact]
    public async Task Keys_are_listed_and_issued_per_environment_and_per_partner()
    {
        var a = await Host.NewPartnerAsync(s_keyManager);
        var b = await Host.NewPartnerAsync(s_keyManager);
        var sandboxIssued = (await a.Sandbox.PostJsonAsync("/api/v1/keys", new JsonObject { ["name"] = "ci" })).Expect(201);
        Assert.StartsWith("mk_test_", Text(sandboxIssued, "token"), StringComparison.Ordinal);
        Assert.Equal("sandbox", Text(sandboxIssued, "environment"));

        var production = (await a.Api.GetAsync("/api/v1/keys")).Expect(200).GetProperty("keys");
        Assert.All(production.EnumerateArray(), k => Assert.Equal("production", Text(k, "environment")));
        Assert.DoesNotContain(production.EnumerateArray(), k => Text(k, "id") == Text(sandboxIssued, "id"));
        var others = (await b.Api.GetAsync("/api/v1/keys")).Expect(200).GetProperty("keys");
        Assert.DoesNotContain(others.EnumerateArray(), k => production.EnumerateArray().Any(mine => Text(mine, "id") == Text(k, "id")));

        // Neither the production key nor another partner can revoke the sandbox key, nor can a made-up id.
        (await a.Api.DeleteAsync($"/api/v1/keys/{Text(sandboxIssued, "id")}")).ExpectErrors(404);
        (await b.Sandbox.DeleteAsync($"/api/v1/keys/{Text(sandboxIssued, "id")}")).ExpectErrors(404);
        (await a.Sandbox.DeleteAsync("/api/v1/keys/not-a-key")).ExpectErrors(404);
        Assert.Equal(JsonValueKind.Null, Key(await a.Sandbox.GetAsync("/api/v1/keys"), Text(sandboxIssued, "id")).GetProperty("revoked_at").ValueKind);
    }

    private static JsonElement Key(ApiResponse listing, string id) =>
        listing.Expect(200).GetProperty("keys").EnumerateArray().Single(k => Text(k, "id") == id);
}
