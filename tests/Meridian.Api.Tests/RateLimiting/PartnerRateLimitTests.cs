using System.Globalization;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.RateLimiting;

/// <summary>The Partner API's rate limits over real HTTP: 1000 requests per hour per key, at most 100 per minute,
/// reported on every response, refused with 429 beyond either. The server runs on a clock the tests move, so
/// windows pass without waiting. Every test uses keys of its own.</summary>
public sealed class PartnerRateLimitTests(ClockedSqliteApiHost host) : IClassFixture<ClockedSqliteApiHost>, IAsyncLifetime
{
    private const string Policy = "\"hour\";q=1000;w=3600, \"minute\";q=100;w=60";

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_response_reports_the_hourly_budget_and_both_windows()
    {
        var partner = await PartnerKey.CreateAsync(host);
        long hourEnds = host.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds() + 1; // the clock sits half a microsecond past a second

        var first = await CheapRequestAsync(partner);
        first.Expect(404);
        Assert.Equal("1000", first.Header("X-RateLimit-Limit"));
        Assert.Equal("999", first.Header("X-RateLimit-Remaining"));
        Assert.Equal(hourEnds.ToString(CultureInfo.InvariantCulture), first.Header("X-RateLimit-Reset"));
        Assert.Equal(Policy, first.Header("RateLimit-Policy"));
        Assert.Equal("\"hour\";r=999;t=3600, \"minute\";r=99;t=60", first.Header("RateLimit"));

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var created = await partner.Api.PostJsonAsync("/api/v1/users", new JsonObject { ["user_identifier"] = "rate-user" });
        created.Expect(201);
        var refused = await partner.Api.PostJsonAsync("/api/v1/users", new JsonObject { ["user_identifier"] = "" });
        refused.Expect(422);
        var deleted = await partner.Api.DeleteAsync(UnknownDomainPath());
        deleted.Expect(404);

        Assert.Equal(["998", "997", "996"], new[] { created, refused, deleted }.Select(r => r.Header("X-RateLimit-Remaining")));
        Assert.All(new[] { created, refused, deleted }, r => Assert.Equal(hourEnds.ToString(CultureInfo.InvariantCulture), r.Header("X-RateLimit-Reset")));
        Assert.Equal("\"hour\";r=996;t=3580, \"minute\";r=96;t=40", deleted.Header("RateLimit"));
        Assert.Null(deleted.Header("Retry-After"));
    }

    [Fact]
    public async Task The_101st_request_in_a_minute_is_refused_until_the_minute_ends()
    {
        var partner = await PartnerKey.CreateAsync(host);
        await CheapRequestAsync(partner);
        host.Clock.Advance(TimeSpan.FromSeconds(15));
        await SpendAsync(partner, 99);

        var refused = await CheapRequestAsync(partner);

        AssertRateLimited(refused, "100 requests per minute");
        Assert.Equal("45", refused.Header("Retry-After"));
        Assert.Equal("\"hour\";r=900;t=3585, \"minute\";r=0;t=45", refused.Header("RateLimit"));
        // A refused request is not counted against the hourly budget.
        Assert.Equal("900", refused.Header("X-RateLimit-Remaining"));
        Assert.Equal(Policy, refused.Header("RateLimit-Policy"));

        var next = await ServedOnlyOnceTheWindowEndsAsync(partner, TimeSpan.FromSeconds(45), "100 requests per minute");
        Assert.Equal("\"hour\";r=899;t=3540, \"minute\";r=99;t=60", next.Header("RateLimit"));
    }

    [Fact]
    public async Task The_1001st_request_in_an_hour_is_refused_until_the_hour_ends()
    {
        var partner = await PartnerKey.CreateAsync(host);
        for (int minute = 0; minute < 10; minute++)
        {
            await SpendAsync(partner, 100);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = await CheapRequestAsync(partner);

        AssertRateLimited(refused, "1000 requests per hour");
        Assert.Equal("3000", refused.Header("Retry-After"));
        Assert.Equal("0", refused.Header("X-RateLimit-Remaining"));
        Assert.StartsWith("\"hour\";r=0;t=3000, ", refused.Header("RateLimit"), StringComparison.Ordinal);

        var next = await ServedOnlyOnceTheWindowEndsAsync(partner, TimeSpan.FromSeconds(3000), "1000 requests per hour");
        Assert.Equal("999", next.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Each_key_has_its_own_budget()
    {
        var partner = await PartnerKey.CreateAsync(host);
        var sameAccount = await partner.AnotherKeyAsync(host, "second key");
        var otherPartner = await PartnerKey.CreateAsync(host);
        await SpendAsync(partner, 100);
        AssertRateLimited(await CheapRequestAsync(partner), "per minute");

        foreach (var other in new[] { sameAccount, otherPartner })
        {
            var served = await CheapRequestAsync(other);
            served.Expect(404);
            Assert.Equal("999", served.Header("X-RateLimit-Remaining"));
        }
    }

    [Fact]
    public async Task Requests_that_fail_authentication_spend_no_budget()
    {
        var partner = await PartnerKey.CreateAsync(host);
        (await CheapRequestAsync(partner)).Expect(404);
        // The key's own id with a wrong secret: someone who saw the id cannot spend the key's budget.
        string wrongSecret = partner.Token[..^4] + (partner.Token.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa");
        using var impostor = host.Anonymous("Bearer " + wrongSecret);
        using var anonymous = host.Anonymous();
        for (int i = 0; i < 150; i++)
        {
            var refused = await (i % 2 == 0 ? impostor : anonymous).GetAsync(UnknownDomainPath());
            Assert.Equal(401, refused.Status);
        }

        var next = await CheapRequestAsync(partner);
        next.Expect(404);
        Assert.Equal("998", next.Header("X-RateLimit-Remaining"));
        Assert.Contains("\"minute\";r=98;", next.Header("RateLimit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_session_is_counted_on_the_session_not_on_the_key()
    {
        var partner = await PartnerKey.CreateAsync(host);
        var actor = new Actor(partner.AccountId, partner.KeyId, Platform.Model.ApiEnvironment.Production);
        var user = await host.Service<UserService>().FindOrCreateAsync(actor, "session-user", null);
        Assert.True(user.Succeeded, user.ToString());
        var logins = host.Service<LoginService>();
        var signIn = await logins.ExchangeAsync((await logins.IssueAsync(actor, user.Value.User)).Token);
        Assert.Equal(LoginOutcome.SignedIn, signIn.Outcome);
        await SpendAsync(partner, 100);

        using var browser = host.Anonymous();
        var headers = new[] { ("Cookie", "meridian_session=" + signIn.SessionToken) };
        var served = await browser.SendAsync(HttpMethod.Get, "/api/v1/users/session-user/domains", headers: headers);

        served.Expect(200);
        Assert.Equal("999", served.Header("X-RateLimit-Remaining"));
        Assert.Contains("\"minute\";r=99;", served.Header("RateLimit"), StringComparison.Ordinal);
    }

    /// <summary>A request that costs the server next to nothing: an unknown domain, answered 404.</summary>
    private static Task<ApiResponse> CheapRequestAsync(PartnerKey partner) => partner.Api.GetAsync(UnknownDomainPath());

    private static string UnknownDomainPath() => $"/api/v1/domains/{Guid.NewGuid()}";

    /// <summary>Makes <paramref name="count"/> cheap requests that must all be served.</summary>
    private static async Task SpendAsync(PartnerKey partner, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var response = await CheapRequestAsync(partner);
            Assert.True(response.Status == 404, $"request {i + 1} of {count}: {response.Status} {response.Body}");
        }
    }

    /// <summary>Moves the clock to one second before the exhausted window ends (still refused), then to its end
    /// (served again); the answer served.</summary>
    private async Task<ApiResponse> ServedOnlyOnceTheWindowEndsAsync(PartnerKey partner, TimeSpan untilEnd, string window)
    {
        host.Clock.Advance(untilEnd - TimeSpan.FromSeconds(1));
        AssertRateLimited(await CheapRequestAsync(partner), window);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = await CheapRequestAsync(partner);
        next.Expect(404);
        return next;
    }

    /// <summary>A 429 in the Partner API's error shape that names the window.</summary>
    private static void AssertRateLimited(ApiResponse response, string window)
    {
        var body = response.Expect(429);
        string message = Assert.Single(body.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.Contains(window, message, StringComparison.Ordinal);
        var detail = Assert.Single(body.GetProperty("details").EnumerateArray());
        Assert.Equal("rate_limited", detail.GetProperty("code").GetString());
        Assert.NotNull(response.Header("Retry-After"));
    }
}
