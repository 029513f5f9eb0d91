using Meridian.Server.Cli;
using Meridian.Server.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Tests.Hosting;

/// <summary>What <c>meridian serve</c> checks and sets up before it listens.</summary>
public sealed class ServeStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-serve-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Serve_refuses_to_start_when_the_budgets_exceed_the_descriptor_limit_and_names_the_keys()
    {
        if (DescriptorLimit.Read() is not long limit) return; // the limit is read on Linux only
        var stderr = new StringWriter();
        int exit = await CommandRouter.RunAsync(
            ["serve", "--data", _directory, "--http", "127.0.0.1:1", "--dns", "127.0.0.1:0", $"--Http:MaxConnections={limit}"], TextWriter.Null, stderr);

        Assert.Equal(2, exit);
        string message = stderr.ToString();
        Assert.StartsWith("meridian serve: configuration: the connection budgets need", message, StringComparison.Ordinal);
        Assert.Contains($"may open {limit} (RLIMIT_NOFILE)", message, StringComparison.Ordinal);
        Assert.Contains("Lower Http:MaxConnections or Dns:MaxTcpConnections", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_bad_budget_settings_naming_the_keys()
    {
        var stderr = new StringWriter();
        int exit = await CommandRouter.RunAsync(
            ["serve", "--data", _directory, "--Http:KeepAliveTimeout=00:00:00", "--Dns:MaxTcpConnectionsPerSource=0"], TextWriter.Null, stderr);

        Assert.Equal(2, exit);
        Assert.Contains("Http:KeepAliveTimeout must be positive", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Dns:MaxTcpConnectionsPerSource must be at least 1", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_gives_Kestrel_the_configured_limits()
    {
        await using var app = MeridianHost.Build(["--data", _directory, "--Http:MaxConnections=321", "--Http:KeepAliveTimeout=00:00:42"]);

        var limits = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(321, limits.MaxConcurrentConnections);
        Assert.Equal(0, limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(TimeSpan.FromSeconds(42), limits.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.RequestHeadersTimeout);
    }
}
