using System.Text.Json;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Hosting;

/// <summary>/healthz (liveness: the process and its DNS listeners) and /readyz (readiness, for a load balancer: also
/// the database) on a healthy server.</summary>
public sealed class HealthEndpointTests(SqliteApiHost host) : IClassFixture<SqliteApiHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Healthz_checks_the_DNS_listeners_only()
    {
        var response = await host.Anonymous().GetAsync("/healthz");

        Assert.Equal(200, response.Status);
        var report = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        Assert.Equal(["dns"], report.GetProperty("checks").EnumerateObject().Select(c => c.Name));
        Assert.Equal("listening on 2 address(es)", report.GetProperty("checks").GetProperty("dns").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_checks_the_DNS_listeners_and_the_database()
    {
        var response = await host.Anonymous().GetAsync("/readyz");

        Assert.Equal(200, response.Status);
        var checks = JsonDocument.Parse(response.Body).RootElement.GetProperty("checks");
        Assert.Equal(["dns", "database"], checks.EnumerateObject().Select(c => c.Name));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("healthy", c.Value.GetProperty("status").GetString()));
    }
}
