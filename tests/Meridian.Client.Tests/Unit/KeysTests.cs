using Meridian.Client.PartnerApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Unit;

/// <summary>What <c>client.Keys</c> sends, and rotation's order: the new key is issued before the old one is revoked.</summary>
public sealed class KeysTests
{
    private const string NewKeyJson = """{"id":"new-key","name":"ci 2","environment":"production","prefix":"mk_live_new","scopes":["dns:read"],"created_at":"2026-12-07T00:00:00Z","token":"mk_live_new_secret"}""";
    private const string OldKeyJson = """{"id":"old key","name":"ci","environment":"production","prefix":"mk_live_old","scopes":["dns:read"],"created_at":"2026-12-01T00:00:00Z","revoked_at":"2026-12-07T00:00:01Z"}""";

    [Fact]
    public async Task Rotation_issues_the_new_key_then_revokes_the_old_one()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedAnswer.Json(201, NewKeyJson), ScriptedAnswer.Json(200, OldKeyJson));
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = "mk_live_partner", BaseUrl = server.BaseUrl });

        var rotated = await client.Keys.RotateAsync("old key", new CreatePartnerKeyRequest { Name = "ci 2", Scopes = ["dns:read"] });

        Assert.Equal("mk_live_new_secret", rotated.Token);
        var requests = server.Received.ToList();
        Assert.Equal(("POST", "/api/v1/keys"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal("""{"name":"ci 2","scopes":["dns:read"]}""", requests[0].Body);
        Assert.Equal(("DELETE", "/api/v1/keys/old%20key"), (requests[1].Method, requests[1].PathAndQuery));
        Assert.All(requests, request => Assert.Equal("Bearer mk_live_partner", request.Header("Authorization")));
    }

    [Fact]
    public async Task A_failed_issue_leaves_the_old_key_alone()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedAnswer.Json(403, """{"errors":["Scope users is not held by this key"],"error":"Scope users is not held by this key"}"""));
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = "mk_live_partner", BaseUrl = server.BaseUrl });

        await Assert.ThrowsAsync<MeridianPermissionDeniedException>(() =>
            client.Keys.RotateAsync("old key", new CreatePartnerKeyRequest { Name = "ci 2", Scopes = ["users"] }));

        Assert.Equal(["POST"], server.Received.Select(request => request.Method));
    }
}
