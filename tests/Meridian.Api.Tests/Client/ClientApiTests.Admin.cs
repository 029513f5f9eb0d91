using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    [Fact]
    public async Task A_client_made_through_the_admin_API_can_use_the_Client_API_until_its_key_is_revoked()
    {
        var admin = await Host.Service<AccountService>().CreateAsync(AccountKind.Admin, "operator " + Guid.NewGuid().ToString("N")[..6]);
        var adminKey = await Host.Service<ApiKeyService>().IssueAsync(admin.Value!.Id, "ops", ApiEnvironment.Production);
        using var operatorApi = Host.Anonymous("Bearer " + adminKey.Value!.Token);

        var account = (await operatorApi.PostJsonAsync("/api/admin/accounts",
            new JsonObject { ["kind"] = "client", ["name"] = "Acme", ["email"] = "ops@acme.example", ["domain_limit"] = 2 })).Expect(201);
        Guid accountId = IdOf(account);
        var key = (await operatorApi.PostJsonAsync($"/api/admin/accounts/{accountId}/keys", new JsonObject { ["name"] = "deploy" })).Expect(201);
        using var clientApi = Host.Anonymous("Bearer " + Text(key, "token"));
        var domain = await clientApi.CreateDomainAsync(TestNames.Domain("admin"));

        Assert.Equal(accountId, domain.GetProperty("client_id").GetGuid());
        (await operatorApi.DeleteAsync($"/api/admin/accounts/{accountId}/keys/{IdOf(key)}")).Expect(200);
        (await clientApi.GetAsync("/api/client/domains")).ExpectError(401, "token");
        (await clientApi.GetAsync("/api/admin/accounts")).ExpectError(401, "token");
        // A working client key is known but not an operator's: forbidden.
        var other = await Host.NewClientAsync();
        (await other.Api.GetAsync("/api/admin/accounts")).ExpectError(403, "");
    }

    [Fact]
    public async Task Unknown_paths_and_methods_under_the_Client_API_answer_in_its_error_format()
    {
        var (client, domainId, _) = await ClientWithDomainAsync("routes");

        var unknownPath = await client.Api.GetAsync("/api/client/zones");
        var wrongMethod = await client.Api.SendAsync(HttpMethod.Patch, $"/api/client/domains/{domainId}");

        unknownPath.ExpectError(404, "");
        wrongMethod.ExpectError(405, "");
    }
}
