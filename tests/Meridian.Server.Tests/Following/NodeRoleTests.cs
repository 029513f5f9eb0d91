using Meridian.Platform.Following;
using Meridian.Server.Cli;
using Meridian.Server.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Tests.Following;

/// <summary><c>meridian serve --role all|edge</c> and the "Following" settings, as the host reads them.</summary>
public sealed class NodeRoleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-role-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Serve_refuses_an_unknown_role_naming_the_key_and_the_roles()
    {
        var stderr = new StringWriter();
        int exit = await CommandRouter.RunAsync(["serve", "--data", _directory, "--role", "primary"], TextWriter.Null, stderr);

        Assert.Equal(2, exit);
        Assert.Contains("Meridian:Role: 'primary' is not a role; roles are all, edge", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edge_node_maps_only_healthz_and_metrics_over_HTTP()
    {
        await using var app = MeridianHost.Build(["--data", _directory, "--role", "edge"]);

        Assert.Equal(["/healthz", "/metrics"], Routes(app).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_default_role_serves_the_APIs_and_readiness()
    {
        await using var app = MeridianHost.Build(["--data", _directory]);

        var routes = Routes(app);
        Assert.Contains("/readyz", routes);
        Assert.Contains(routes, r => r.StartsWith("/api/client/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("/api/admin/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_trust_window_not_longer_than_the_poll_interval_is_refused()
    {
        await using var app = MeridianHost.Build(["--data", _directory, "--Following:PollInterval=00:00:01", "--Following:KeyTrustWindow=00:00:00.500"]);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<FollowingOptions>>().Value);
        Assert.Contains("Following:KeyTrustWindow must be longer than Following:PollInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_following_settings_are_read_from_configuration()
    {
        await using var app = MeridianHost.Build(["--data", _directory, "--Following:PollInterval=00:00:00.100", "--Following:KeyTrustWindow=00:00:00.400"]);

        var options = app.Services.GetRequiredService<IOptions<FollowingOptions>>().Value;
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(400), options.KeyTrustWindow);
    }

    private static List<string> Routes(Microsoft.AspNetCore.Builder.WebApplication app) =>
        [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Distinct()];
}
