using Meridian.Client.AdminApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Unit;

/// <summary>The admin key calls of <c>client.Keys</c>: what they send (the live fixture hands out no admin key).</summary>
public sealed class KeysTests
{
    private const string KeyJson = """{"id":"6f1c0d1e-0000-4000-8000-000000000001","name":"ci","environment":"production","key_id":"abc","prefix":"mk_live_abc","scopes":["dns:read"],"created_at":"2026-12-07T00:00:00Z","token":"mk_live_abc_secret"}""";

    [Fact]
    public async Task List_create_and_revoke_address_the_accounts_keys_on_the_admin_API()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedAnswer.Json(200, $"[{KeyJson}]"), ScriptedAnswer.Json(201, KeyJson), ScriptedAnswer.Json(200, KeyJson));
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = "mk_live_admin", BaseUrl = server.BaseUrl });

        var listed = new List<KeyResponse>();
        await foreach (var key in client.Keys.ListAsync("acct 1")) listed.Add(key);
        var created = await client.Keys.CreateAsync("acct 1", new CreateKeyRequest { Name = "ci", Scopes = ["dns:read"] });
        await client.Keys.RevokeAsync("acct 1", created.Id);

        Assert.Equal("mk_live_abc_secret", Assert.Single(listed).Token);
        var requests = server.Received.ToList();
        Assert.Equal(("GET", "/api/admin/accounts/acct%201/keys"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal(("POST", "/api/admin/accounts/acct%201/keys"), (requests[1].Method, requests[1].PathAndQuery));
        Assert.Equal("""{"name":"ci","scopes":["dns:read"]}""", requests[1].Body);
        Assert.Equal(("DELETE", $"/api/admin/accounts/acct%201/keys/{created.Id}"), (requests[2].Method, requests[2].PathAndQuery));
        Assert.All(requests, request => Assert.Equal("Bearer mk_live_admin", request.Header("Authorization")));
    }
}
