using Meridian.Api.Tests.Support;
using static Meridian.Api.Tests.Simple.SimpleApiTests;

namespace Meridian.Api.Tests.Simple;

/// <summary>The Simple API with small limits (3 requests a minute): each Simple API user has a budget of its own, a
/// request beyond it is 429 in the envelope with Retry-After and changes nothing, and the health check and refused
/// tokens spend no one's budget.</summary>
public sealed class SimpleApiRateLimitTests(SimpleApiRateLimitTests.LimitedHost host) : IClassFixture<SimpleApiRateLimitTests.LimitedHost>, IAsyncLifetime
{
    public sealed class LimitedHost : SimpleApiHost
    {
        protected override async Task<IReadOnlyDictionary<string, string>> CreateStorageAsync() =>
            new Dictionary<string, string>(await base.CreateStorageAsync()) { ["RateLimits:PerHour"] = "10", ["RateLimits:PerMinute"] = "3" };
    }

    public Task InitializeAsync() => host.ReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_simple_user_is_limited_on_its_own_and_a_refused_request_changes_nothing()
    {
        using var anonymous = host.Anonymous();
        using var intruder = host.Anonymous("Bearer " + SimpleTokensTests.OriginalToken(SimpleApiHost.SecretBytes, "mallory", "HS512"));
        for (int i = 0; i < 5; i++)
        {
            Envelope(await anonymous.GetAsync("/simple/"));
            ExpectTitle(await intruder.GetAsync("/simple/whoami"), 401, "Unauthorized");
        }

        using var carol = host.Simple("carol");
        for (int i = 1; i <= 3; i++)
        {
            var answer = await carol.GetAsync("/simple/whoami");
            Envelope(answer);
            Assert.Equal((3 - i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                answer.Header("RateLimit")!.Split(", ")[1].Split(';')[1]["r=".Length..]);
        }
        uint serial = (await Dig.QueryAsync(host.DnsEndpoint, "example.info", "SOA")).SoaSerial;

        var refused = await carol.SendAsync(HttpMethod.Post, "/simple/records/A/example.info/late/192.0.2.40");
        ExpectTitle(refused, 429, "Rate limit exceeded: at most 3 requests per minute");
        Assert.NotNull(refused.Header("Retry-After"));
        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(host.DnsEndpoint, "late.example.info", "A")).Status);
        Assert.Equal(serial, (await Dig.QueryAsync(host.DnsEndpoint, "example.info", "SOA")).SoaSerial);

        // Another user's budget is untouched.
        using var bob = host.Simple("bob");
        Assert.Equal("bob", Envelope(await bob.GetAsync("/simple/whoami")).GetProperty("data").GetProperty("id").GetString());
    }
}
