using System.Globalization;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Client;

/// <summary>The admin API's TSIG keys and per-zone transfer settings, and what they do to AXFR on the DNS listener.</summary>
public abstract partial class ClientApiTests
{
    private async Task<ApiClient> OperatorAsync()
    {
        var admin = await Host.Service<AccountService>().CreateAsync(AccountKind.Admin, "operator " + Guid.NewGuid().ToString("N")[..6]);
        var adminKey = await Host.Service<ApiKeyService>().IssueAsync(admin.Value!.Id, "ops", ApiEnvironment.Production);
        return Host.Anonymous("Bearer " + adminKey.Value!.Token);
    }

    private async Task<string> KdigAsync(params string[] args) =>
        (await ExternalTool.RunAsync("kdig", ["@" + Host.DnsEndpoint.Address, "-p", Host.DnsEndpoint.Port.ToString(CultureInfo.InvariantCulture), .. args])).Output;

    [Fact]
    public async Task Tsig_keys_are_made_listed_without_secrets_and_deleted_through_the_admin_API()
    {
        using var operatorApi = await OperatorAsync();
        string name = "k" + Guid.NewGuid().ToString("N")[..10];
        var created = (await operatorApi.PostJsonAsync("/api/admin/tsig-keys",
            new JsonObject { ["name"] = name, ["algorithm"] = "hmac-sha512", ["update_zones"] = new JsonArray("example.com") })).Expect(201);
        Assert.Equal(name + ".", Text(created, "name"));
        Assert.Equal(64, Convert.FromBase64String(Text(created, "secret")).Length);

        var listed = (await operatorApi.GetAsync("/api/admin/tsig-keys")).Expect(200);
        var mine = listed.EnumerateArray().Single(k => Text(k, "name") == name + ".");
        Assert.Equal("example.com.", mine.GetProperty("update_zones")[0].GetString());
        Assert.True(mine.GetProperty("secret").ValueKind == System.Text.Json.JsonValueKind.Null);

        (await operatorApi.PostJsonAsync("/api/admin/tsig-keys", new JsonObject { ["name"] = name.ToUpperInvariant() })).ExpectError(409, "exists");
        (await operatorApi.PostJsonAsync("/api/admin/tsig-keys", new JsonObject { ["name"] = "x" + name, ["algorithm"] = "hmac-md5" }))
            .ExpectError(400, "algorithm");
        (await operatorApi.DeleteAsync($"/api/admin/tsig-keys/{name}")).Expect(200);
        (await operatorApi.DeleteAsync($"/api/admin/tsig-keys/{name}")).ExpectError(404, "not found");
    }

    [Fact]
    public async Task A_zones_transfer_settings_decide_who_may_transfer_it_and_bad_lists_change_nothing()
    {
        var (client, _, zone) = await ClientWithDomainAsync("xfr");
        using var operatorApi = await OperatorAsync();
        string keyName = "x" + Guid.NewGuid().ToString("N")[..10];
        var key = (await operatorApi.PostJsonAsync("/api/admin/tsig-keys", new JsonObject { ["name"] = keyName })).Expect(201);
        string tsig = $"hmac-sha256:{keyName}:{Text(key, "secret")}";

        string before = await KdigAsync("-y", tsig, zone, "AXFR");
        Assert.Contains("REFUSED", before, StringComparison.Ordinal);

        (await operatorApi.PutJsonAsync($"/api/admin/zones/{zone}/transfer",
            new JsonObject { ["allow"] = new JsonArray("not-a-network"), ["allow_tsig"] = new JsonArray(keyName) })).ExpectError(400, "not-a-network");
        var unchanged = (await operatorApi.GetAsync($"/api/admin/zones/{zone}/transfer")).Expect(200);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unchanged.GetProperty("allow_tsig").ValueKind);

        var set = (await operatorApi.PutJsonAsync($"/api/admin/zones/{zone}/transfer",
            new JsonObject { ["allow_tsig"] = new JsonArray(keyName), ["notify"] = new JsonArray("192.0.2.53:5353") })).Expect(200);
        Assert.Equal(keyName + ".", set.GetProperty("effective_allow_tsig")[0].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, set.GetProperty("allow").ValueKind);

        string after = await KdigAsync("-y", tsig, zone, "AXFR");
        Assert.DoesNotContain("REFUSED", after, StringComparison.Ordinal);
        Assert.Equal(2, after.Split('\n').Count(l => l.Contains("\tSOA\t", StringComparison.Ordinal)));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{zone}"), after, StringComparison.Ordinal);

        (await operatorApi.GetAsync("/api/admin/zones/nothing-here.example/transfer")).ExpectError(404, "not found");
        (await client.Api.GetAsync($"/api/admin/zones/{zone}/transfer")).ExpectError(403, "");
    }
}
