using System.Net.Http.Headers;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    /// <summary>Every Client API endpoint, with a body where it takes one.</summary>
    private static readonly (string Method, string Path, string? Body)[] s_allEndpoints =
    [
        ("GET", "/api/client/domains", null),
        ("POST", "/api/client/domains", """{"name":"unauthorized.example.com"}"""),
        ("DELETE", "/api/client/domains/{domain}", null),
        ("GET", "/api/client/domains/{domain}/records", null),
        ("GET", "/api/client/domains/{domain}/export/bind", null),
        ("POST", "/api/client/records", """{"domain_id":"{domain}","name":"www","type":"A","value":"192.0.2.9"}"""),
        ("PUT", "/api/client/records/{record}", """{"value":"192.0.2.9"}"""),
        ("DELETE", "/api/client/records/{record}", null),
        ("POST", "/api/client/import/bind", null),
        ("POST", "/api/client/rotate-api-key", null),
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("garbage")]
    [InlineData("Bearer garbage")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer mk_live_0000000000000000_0000000000000000000000000000000000000000000")]
    public async Task Every_endpoint_is_401_without_a_valid_token(string? authorization)
    {
        var (owner, domainId, _) = await ClientWithDomainAsync("auth");
        var record = await owner.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        using var anonymous = Host.Anonymous(authorization);
        var before = await Host.SnapshotAsync();

        await AssertEveryEndpointIs401Async(anonymous, domainId, IdOf(record));

        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task Revoked_rotated_away_and_admin_tokens_are_401_on_every_endpoint()
    {
        var (owner, domainId, _) = await ClientWithDomainAsync("auth2");
        var record = await owner.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        var revoked = await Host.NewClientAsync();
        (await Host.Service<ApiKeyService>().RevokeAsync(revoked.AccountId, revoked.KeyId)).Value!.ToString();
        var rotated = await Host.NewClientAsync();
        (await rotated.Api.SendAsync(HttpMethod.Post, "/api/client/rotate-api-key")).Expect(200);
        var admin = await Host.Service<AccountService>().CreateAsync(AccountKind.Admin, "operator");
        var adminKey = await Host.Service<ApiKeyService>().IssueAsync(admin.Value!.Id, "ops", ApiEnvironment.Production);
        using var adminApi = Host.Anonymous("Bearer " + adminKey.Value!.Token);
        var before = await Host.SnapshotAsync();

        await AssertEveryEndpointIs401Async(revoked.Api, domainId, IdOf(record));
        await AssertEveryEndpointIs401Async(rotated.Api, domainId, IdOf(record));
        await AssertEveryEndpointIs401Async(adminApi, domainId, IdOf(record));

        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task A_bare_token_without_Bearer_works()
    {
        var client = await Host.NewClientAsync();
        using var bare = Host.Anonymous(client.Token);

        var created = (await bare.PostJsonAsync("/api/client/domains", new System.Text.Json.Nodes.JsonObject { ["name"] = TestNames.Domain("bare") })).Expect(201);

        Assert.Equal(client.AccountId, created.GetProperty("client_id").GetGuid());
        Assert.Equal(200, (await bare.GetAsync("/api/client/domains")).Status);
    }

    [Fact]
    public async Task RotateApiKey_returns_a_new_token_that_works_at_once_and_the_old_one_fails_at_once()
    {
        var client = await Host.NewClientAsync(domainLimit: 7);
        await client.Api.CreateDomainAsync(TestNames.Domain("rotate"));

        var rotated = (await client.Api.SendAsync(HttpMethod.Post, "/api/client/rotate-api-key")).Expect(200);

        Assert.Equal(["id", "name", "email", "api_token", "domain_limit", "created_at", "updated_at"], rotated.EnumerateObject().Select(p => p.Name));
        Assert.Equal(client.AccountId, IdOf(rotated));
        Assert.Equal(7, rotated.GetProperty("domain_limit").GetInt32());
        Assert.Contains("@example.net", Text(rotated, "email"), StringComparison.Ordinal);
        string token = Text(rotated, "api_token");
        Assert.NotEqual(client.Token, token);
        Timestamp(rotated, "created_at");
        (await client.Api.GetAsync("/api/client/domains")).ExpectError(401, "Invalid API token");
        using var renewed = Host.Anonymous(new AuthenticationHeaderValue("Bearer", token).ToString());
        Assert.Single((await renewed.GetAsync("/api/client/domains")).Expect(200).EnumerateArray());

        var again = (await renewed.SendAsync(HttpMethod.Post, "/api/client/rotate-api-key")).Expect(200);
        (await renewed.GetAsync("/api/client/domains")).ExpectError(401, "Invalid API token");
        using var third = Host.Anonymous(Text(again, "api_token"));
        Assert.Equal(200, (await third.GetAsync("/api/client/domains")).Status);
    }

    private static async Task AssertEveryEndpointIs401Async(ApiClient api, Guid domainId, Guid recordId)
    {
        foreach (var (method, path, body) in s_allEndpoints)
        {
            var response = path.EndsWith("/import/bind", StringComparison.Ordinal)
                ? await api.ImportAsync("$ORIGIN unauthorized.example.com.\nwww IN A 192.0.2.9\n")
                : await SendAsync(api, method, path, body, domainId, recordId);
            Assert.True(response.Status == 401, $"{method} {path}: {response.Status} {response.Body}");
            Assert.Contains("token", response.Error, StringComparison.OrdinalIgnoreCase);
        }
    }
}
