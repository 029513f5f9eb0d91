using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Partner;

/// <summary>Scopes and suspension: 403 "Insufficient permissions" on every surface; suspension deletes nothing.</summary>
public abstract partial class PartnerApiTests
{
    [Fact]
    public async Task A_key_without_the_scope_is_403_with_the_auth_guides_body()
    {
        var reader = await Host.NewPartnerAsync(scopes: [Scopes.DnsRead]);
        var response = await reader.Api.PostJsonAsync("/api/v1/users", new JsonObject { ["user_identifier"] = "u" });
        Assert.Equal(["Insufficient permissions"], response.ExpectErrors(403));
        Assert.Equal("Insufficient permissions", Text(response.Json, "error"));
        (await reader.Api.GetAsync("/api/v1/users/u/domains")).ExpectErrors(404);
    }

    [Fact]
    public async Task A_suspended_account_is_403_on_every_surface_and_keeps_its_zones_answered()
    {
        var partner = await Host.NewPartnerAsync();
        var (user, domainId, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api, "susp");
        await PartnerAccount.CreateRecordAsync(partner.Api, domainId, "www", "A", "192.0.2.77");
        var client = await Host.NewClientAsync();
        var accounts = Host.Service<AccountService>();

        Assert.True((await accounts.SetSuspendedAsync(partner.AccountId, true)).Succeeded);
        Assert.True((await accounts.SetSuspendedAsync(client.AccountId, true)).Succeeded);
        var partnerRefusal = await partner.Api.GetAsync($"/api/v1/users/{user}/domains");
        Assert.Contains("Insufficient permissions", partnerRefusal.ExpectErrors(403)[0], StringComparison.Ordinal);
        (await client.Api.GetAsync("/api/client/domains")).ExpectError(403, "Insufficient permissions");
        Assert.Equal(["192.0.2.77"], (await Dig.QueryAsync(Host.DnsEndpoint, "www." + domain, "A")).Data("A"));

        Assert.True((await accounts.SetSuspendedAsync(partner.AccountId, false)).Succeeded);
        (await partner.Api.GetAsync($"/api/v1/domains/{domainId}")).Expect(200);
    }

    [Fact]
    public async Task A_record_written_through_the_partner_api_is_answered_by_dig_and_sandbox_records_only_by_the_sandbox_listener()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api, "pdig");
        await PartnerAccount.CreateRecordAsync(partner.Api, domainId, "www", "A", "192.0.2.50", new JsonObject { ["ttl"] = 300 });
        var answer = await Dig.QueryAsync(Host.DnsEndpoint, "www." + domain, "A");
        Assert.Equal([new DigRecord("www." + domain + ".", 300, "A", "192.0.2.50")], answer.Answers);

        // The same name in the sandbox: separate data, answered on the sandbox listener only.
        await PartnerAccount.CreateUserAsync(partner.Sandbox, "sandbox-user");
        var sandboxDomain = (await partner.Sandbox.PostJsonAsync("/api/v1/users/sandbox-user/domains", new JsonObject { ["name"] = domain })).Expect(201);
        await PartnerAccount.CreateRecordAsync(partner.Sandbox, Text(sandboxDomain, "id"), "www", "A", "192.0.2.51");
        Assert.Equal(["192.0.2.51"], (await Dig.QueryAsync(Host.Factory.SandboxDnsEndpoint, "www." + domain, "A")).Data("A"));
        Assert.Equal(["192.0.2.50"], (await Dig.QueryAsync(Host.DnsEndpoint, "www." + domain, "A")).Data("A"));

        var sandboxOnly = TestNames.Domain("sbx");
        await partner.Sandbox.PostJsonAsync("/api/v1/users/sandbox-user/domains", new JsonObject { ["name"] = sandboxOnly });
        Assert.Equal("REFUSED", (await Dig.QueryAsync(Host.DnsEndpoint, sandboxOnly, "SOA")).Status);
        Assert.Equal("NOERROR", (await Dig.QueryAsync(Host.Factory.SandboxDnsEndpoint, sandboxOnly, "SOA")).Status);
        (await partner.Sandbox.GetAsync($"/api/v1/domains/{domainId}")).ExpectErrors(404);
    }
}
