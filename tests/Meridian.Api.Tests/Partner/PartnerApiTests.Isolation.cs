using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Meridian.Api.Surfaces;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Tests.Partner;

/// <summary>The isolation matrix, generated from the Partner API's own route list: every route that reaches an
/// object is called with another partner's key, the other environment's key, and another user's session, and
/// each must answer as if the object did not exist.</summary>
public abstract partial class PartnerApiTests
{
    /// <summary>One object of each kind that partner A owns, as the routes name them.</summary>
    private sealed record OwnedObjects(string User, string DomainId, string RecordId, string KeyId);

    /// <summary>A partner's default scopes and the one that manages keys, so the key routes are reached too.</summary>
    private static readonly string[] s_everyPartnerScope = [Scopes.DnsRead, Scopes.DnsWrite, Scopes.Users, Scopes.Keys];

    [Fact]
    public async Task Every_partner_route_hides_another_partners_objects_the_other_environments_and_other_users()
    {
        var a = await Host.NewPartnerAsync(s_everyPartnerScope);
        var b = await Host.NewPartnerAsync(s_everyPartnerScope);
        var (userA, domainA, zoneA) = await PartnerAccount.UserWithDomainAsync(a.Api, "iso");
        var recordA = Text(await PartnerAccount.CreateRecordAsync(a.Api, domainA, "www", "A", "192.0.2.1"), "id");
        var keyA = Text((await a.Api.GetAsync("/api/v1/keys")).Expect(200).GetProperty("keys")[0], "id");
        var owned = new OwnedObjects(userA, domainA, recordA, keyA);

        // Another user of partner A, signed in through the interface: sees only its own domains.
        var (userA2, _, _) = await PartnerAccount.UserWithDomainAsync(a.Api, "iso2");
        var session = await SignedInBrowserAsync(a.Api, userA2);

        var routes = PartnerRoutes();
        Assert.True(routes.Count >= 10, $"only {routes.Count} partner routes found");
        int checkedRoutes = 0;
        foreach (var (method, pattern) in routes)
        {
            if (!ReachesAnObject(pattern)) continue;
            checkedRoutes++;
            string path = Fill(pattern, owned);
            foreach (var (caller, who) in new[] { (b.Api, "another partner"), (a.Sandbox, "the sandbox key"), (session, "another user's session") })
            {
                var response = await caller.SendAsync(new HttpMethod(method), path, BodyFor(method, pattern, owned));
                // A user's session never manages keys, whichever key it names: refused before any key is looked up.
                int expected = caller == session && pattern.StartsWith("/api/v1/keys", StringComparison.Ordinal) ? 403 : 404;
                Assert.True(response.Status == expected, $"{method} {pattern} by {who}: expected {expected}, got {response.Status} {response.Body}");
                response.ExpectErrors(expected);
            }
            // The production key on the sandbox host is refused outright: keys belong to one environment.
            using var wrongHost = Host.Anonymous("Bearer " + a.LiveToken, PartnerAccount.SandboxHost);
            (await wrongHost.SendAsync(new HttpMethod(method), path, BodyFor(method, pattern, owned))).ExpectErrors(401);
        }
        Assert.True(checkedRoutes >= 9, $"only {checkedRoutes} routes reach an object");

        // Nothing of A's was touched, and A still sees it all.
        Assert.Equal(zoneA, Text((await a.Api.GetAsync($"/api/v1/domains/{domainA}")).Expect(200), "name"));
        Assert.Equal("192.0.2.1", Text((await a.Api.GetAsync($"/api/v1/dns_records/{recordA}")).Expect(200), "value"));
        Assert.Null(Key(await a.Api.GetAsync("/api/v1/keys"), keyA).GetProperty("revoked_at").GetString());
        Assert.Single((await a.Api.GetAsync($"/api/v1/users/{userA}/domains")).Expect(200).GetProperty("domains").EnumerateArray());
        // B creating a user with A's identifier makes B's own user, with none of A's domains.
        await PartnerAccount.CreateUserAsync(b.Api, userA);
        Assert.Empty((await b.Api.GetAsync($"/api/v1/users/{userA}/domains")).Expect(200).GetProperty("domains").EnumerateArray());
    }

    [Fact]
    public async Task A_users_session_reads_and_writes_its_own_domains_only_and_cannot_manage_users()
    {
        var partner = await Host.NewPartnerAsync();
        var (user, domainId, _) = await PartnerAccount.UserWithDomainAsync(partner.Api, "sess");
        var session = await SignedInBrowserAsync(partner.Api, user);
        var domains = (await session.GetAsync($"/api/v1/users/{user}/domains")).Expect(200).GetProperty("domains");
        Assert.Equal(domainId, Text(domains[0], "id"));
        var created = await session.SendAsync(HttpMethod.Post, "/api/v1/dns_records",
            ApiClient.Json(new JsonObject { ["domain_id"] = domainId, ["type"] = "A", ["name"] = "s", ["value"] = "192.0.2.9" }.ToJsonString()));
        created.Expect(201);
        (await session.SendAsync(HttpMethod.Post, "/api/v1/users", ApiClient.Json("{\"user_identifier\":\"x\"}"))).ExpectErrors(403);

        // Without the X-Requested-With header a cookie cannot change anything (no cross-site form posts).
        using var bare = Host.Anonymous();
        bare.Http.DefaultRequestHeaders.Add("Cookie", session.Http.DefaultRequestHeaders.GetValues("Cookie"));
        (await bare.SendAsync(HttpMethod.Post, "/api/v1/dns_records",
            ApiClient.Json(new JsonObject { ["domain_id"] = domainId, ["type"] = "A", ["name"] = "t", ["value"] = "192.0.2.9" }.ToJsonString()))).ExpectErrors(401);
    }

    /// <summary>Opens a new login_url of <paramref name="user"/> and returns a client that carries the session cookie
    /// (and the header the session scheme asks of requests that change something).</summary>
    private async Task<ApiClient> SignedInBrowserAsync(ApiClient partner, string user)
    {
        var login = await PartnerAccount.CreateUserAsync(partner, user);
        var path = new Uri(Text(login, "login_url")).AbsolutePath;
        using var browser = Host.Anonymous();
        using var response = await browser.Http.GetAsync(path);
        Assert.Equal(302, (int)response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var client = Host.Anonymous();
        client.Http.DefaultRequestHeaders.Add("Cookie", cookie);
        client.Http.DefaultRequestHeaders.Add("X-Requested-With", "tests");
        return client;
    }

    private List<(string Method, string Pattern)> PartnerRoutes() =>
        [.. Host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ApiSurface>() is PartnerSurface)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))];

    /// <summary>Routes whose path or body names an object: all but the one that makes users.</summary>
    private static bool ReachesAnObject(string pattern) => pattern.Contains('{', StringComparison.Ordinal) || pattern.EndsWith("/dns_records", StringComparison.Ordinal);

    private static string Fill(string pattern, OwnedObjects owned) => pattern
        .Replace("{user_id}", Uri.EscapeDataString(owned.User), StringComparison.Ordinal)
        .Replace("{domain_id}", owned.DomainId, StringComparison.Ordinal)
        .Replace("{id}", owned.RecordId, StringComparison.Ordinal)
        .Replace("{key_id}", owned.KeyId, StringComparison.Ordinal);

    private static StringContent? BodyFor(string method, string pattern, OwnedObjects owned)
    {
        if (method is "GET" or "DELETE") return null;
        JsonObject body = (method, pattern) switch
        {
            ("POST", "/api/v1/dns_records") => new() { ["domain_id"] = owned.DomainId, ["type"] = "A", ["name"] = "x", ["value"] = "192.0.2.7" },
            ("PATCH", "/api/v1/dns_records/{id}") => new() { ["value"] = "192.0.2.8" },
            ("POST", "/api/v1/users/{user_id}/domains") => new() { ["name"] = TestNames.Domain("intruder") },
            ("POST", "/api/v1/domains/{domain_id}/dns_records/batch") => new()
            {
                ["deletes"] = new JsonArray(new JsonObject { ["id"] = owned.RecordId }),
            },
            _ => throw new InvalidOperationException($"the isolation matrix has no request body for {method} {pattern}: add one"),
        };
        var content = new StringContent(body.ToJsonString());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
