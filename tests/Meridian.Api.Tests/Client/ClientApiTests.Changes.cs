using System.Text.Json.Nodes;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Client;

/// <summary>The change journal through the Client API, and the operator's suspension through the admin API.</summary>
public abstract partial class ClientApiTests
{
    [Fact]
    public async Task The_change_journal_is_readable_by_domain_id_or_name_and_only_by_its_owner()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("changes");
        var record = await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        (await client.Api.DeleteAsync($"/api/client/records/{IdOf(record)}")).Expect(200);

        var byId = (await client.Api.GetAsync($"/api/client/domains/{domainId}/changes")).Expect(200);
        var byName = (await client.Api.GetAsync($"/api/client/domains/{zone.TrimEnd('.')}/changes")).Expect(200);
        Assert.Equal(byId.ToString(), byName.ToString());
        var changes = byId.GetProperty("changes");
        Assert.Equal(3, changes.GetArrayLength());
        Assert.Equal(["records_changed", "records_changed", "created"], changes.EnumerateArray().Select(c => Text(c, "kind")));
        var deletion = changes[0].GetProperty("record_sets")[0];
        Assert.Equal("192.0.2.1", Text(deletion.GetProperty("before")[0], "data"));
        Assert.Empty(deletion.GetProperty("after").EnumerateArray());
        Assert.Equal($"key:{client.KeyId}", Text(changes[0], "principal"));

        var other = await Host.NewClientAsync();
        (await other.Api.GetAsync($"/api/client/domains/{domainId}/changes")).ExpectError(404, "Domain not found");
        (await other.Api.GetAsync($"/api/client/domains/{zone.TrimEnd('.')}/changes")).ExpectError(404, "Domain not found");
    }

    [Fact]
    public async Task An_operator_suspends_and_resumes_an_account_through_the_admin_API()
    {
        var admin = await Host.Service<AccountService>().CreateAsync(AccountKind.Admin, "operator " + Guid.NewGuid().ToString("N")[..6]);
        var adminKey = await Host.Service<ApiKeyService>().IssueAsync(admin.Value!.Id, "ops", ApiEnvironment.Production);
        using var operatorApi = Host.Anonymous("Bearer " + adminKey.Value!.Token);
        var (client, domainId, _) = await ClientWithDomainAsync("suspend");

        var suspended = (await operatorApi.PostJsonAsync($"/api/admin/accounts/{client.AccountId}/suspend", new JsonObject())).Expect(200);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, suspended.GetProperty("suspended_at").ValueKind);
        (await client.Api.GetAsync($"/api/client/domains/{domainId}/records")).ExpectError(403, "suspended");
        (await operatorApi.PostJsonAsync($"/api/admin/accounts/{client.AccountId}/resume", new JsonObject())).Expect(200);
        (await client.Api.GetAsync($"/api/client/domains/{domainId}/records")).Expect(200);
    }
}
