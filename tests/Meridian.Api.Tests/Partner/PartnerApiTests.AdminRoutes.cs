using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Meridian.Api.Surfaces;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Tests.Partner;

/// <summary>The admin API refuses everyone but operators, on every route, generated from the admin surface's own
/// route list so a new route cannot be left out: a customer's key, a partner's key and a partner user's session are
/// each 403, and nothing changes; an operator's key passes the same calls (so the matrix is not refusing everyone).</summary>
public abstract partial class PartnerApiTests
{
    [Fact]
    public async Task Every_admin_route_refuses_a_customers_key_a_partners_key_and_a_partner_users_session()
    {
        var customer = await Host.NewClientAsync();
        var partner = await Host.NewPartnerAsync();
        var (user, _, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api, "adm");
        // The TSIG key the operator's POST makes and its DELETE (run last) removes.
        string tsigKey = "matrix-" + Guid.NewGuid().ToString("N")[..8] + ".";
        var session = await SignedInBrowserAsync(partner.Api, user);
        var admin = await Host.Service<AccountService>().CreateAsync(AccountKind.Admin, "operator " + Guid.NewGuid().ToString("N")[..6]);
        var adminKey = await Host.Service<ApiKeyService>().IssueAsync(admin.Value!.Id, "ops", ApiEnvironment.Production);
        using var operatorApi = Host.Anonymous("Bearer " + adminKey.Value!.Token);
        // The objects the routes name: the customer's account and one of its keys.
        string accountId = customer.AccountId.ToString();
        string keyId = customer.KeyId.ToString();
        var before = await Host.SnapshotAsync();
        string accountBefore = (await operatorApi.GetAsync($"/api/admin/accounts/{accountId}")).Body;
        string keysBefore = KeySummary((await operatorApi.GetAsync($"/api/admin/accounts/{accountId}/keys")).Expect(200));

        // Interface settings belong to partners; every other account route names the customer's account.
        string PathOf(string pattern) => pattern
            .Replace("{id}", pattern.EndsWith("/frame-origins", StringComparison.Ordinal) ? partner.AccountId.ToString() : accountId, StringComparison.Ordinal)
            .Replace("{keyId}", keyId, StringComparison.Ordinal).Replace("{name}", tsigKey, StringComparison.Ordinal)
            .Replace("{zone}", domain, StringComparison.Ordinal);

        var routes = AdminRoutes();
        Assert.True(routes.Count >= 9, $"only {routes.Count} admin routes found");
        foreach (var (method, pattern) in routes)
        {
            string path = PathOf(pattern);
            foreach (var (caller, who) in new[] { (customer.Api, "a customer's key"), (partner.Api, "a partner's key"), (session, "a partner user's session") })
            {
                var response = await caller.SendAsync(new HttpMethod(method), path, AdminBodyFor(method, pattern, tsigKey));
                Assert.True(response.Status == 403, $"{method} {pattern} by {who}: expected 403, got {response.Status} {response.Body}");
                response.ExpectError(403, "");
            }
        }
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
        Assert.Equal(accountBefore, (await operatorApi.GetAsync($"/api/admin/accounts/{accountId}")).Body);
        Assert.Equal(keysBefore, KeySummary((await operatorApi.GetAsync($"/api/admin/accounts/{accountId}/keys")).Expect(200)));

        // The operator gets through on every one of them (the revocation last: it ends the customer's key).
        foreach (var (method, pattern) in routes.OrderBy(r => r.Method == "DELETE"))
        {
            string path = PathOf(pattern);
            var response = await operatorApi.SendAsync(new HttpMethod(method), path, AdminBodyFor(method, pattern, tsigKey));
            Assert.True(response.Status is >= 200 and < 300, $"{method} {pattern} by the operator: got {response.Status} {response.Body}");
        }
    }

    private static string KeySummary(System.Text.Json.JsonElement keys) =>
        string.Join("; ", keys.EnumerateArray().Select(k => $"{k.GetProperty("id")} {k.GetProperty("name")} {k.GetProperty("revoked_at")}"));

    private List<(string Method, string Pattern)> AdminRoutes() =>
        [.. Host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ReferenceEquals(e.Metadata.GetMetadata<ApiSurface>(), SingleErrorSurface.Admin))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))];

    private static StringContent? AdminBodyFor(string method, string pattern, string tsigKey)
    {
        if (method is "GET" or "DELETE") return null;
        JsonObject body = (method, pattern) switch
        {
            ("POST", "/api/admin/accounts") => new() { ["kind"] = "client", ["name"] = "Intruder " + Guid.NewGuid().ToString("N")[..6], ["email"] = "i@example.net" },
            ("PATCH", "/api/admin/accounts/{id}") => new() { ["domain_limit"] = 7 },
            ("POST", "/api/admin/accounts/{id}/keys") => new() { ["name"] = "intruder" },
            ("POST", "/api/admin/accounts/{id}/suspend") or ("POST", "/api/admin/accounts/{id}/resume") => [],
            ("POST", "/api/admin/tsig-keys") => new() { ["name"] = tsigKey },
            ("PUT", "/api/admin/zones/{zone}/transfer") => new() { ["allow"] = new JsonArray("192.0.2.0/24") },
            ("PUT", "/api/admin/accounts/{id}/frame-origins") => new() { ["frame_origins"] = new JsonArray("https://app.example.com") },
            _ => throw new InvalidOperationException($"the admin refusal matrix has no request body for {method} {pattern}: add one"),
        };
        var content = new StringContent(body.ToJsonString());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
