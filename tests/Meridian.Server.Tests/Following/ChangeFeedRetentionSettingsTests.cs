using Meridian.Platform.Following;
using Meridian.Server.Cli;
using Meridian.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Tests.Following;

/// <summary>The "ChangeFeed" settings (how long the node change feed is kept) as <c>meridian serve</c> reads them: bad
/// values stop it at start with the key named.</summary>
public sealed class ChangeFeedRetentionSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-feed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--ChangeFeed:Retention=00:00:30", "ChangeFeed:Retention: allowed: 00:01:00 to 3650.00:00:00 (got '00:00:30')")]
    [InlineData("--ChangeFeed:KeepAtLeast=0", "ChangeFeed:KeepAtLeast: allowed: 1 or more (got '0')")]
    [InlineData("--ChangeFeed:PruneInterval=00:00:00", "ChangeFeed:PruneInterval: allowed: 00:00:01 to 1.00:00:00 (got '00:00:00')")]
    [InlineData("--ChangeFeed:PruneBatchSize=200000", "ChangeFeed:PruneBatchSize: allowed: 1 to 100000 (got '200000')")]
    public async Task A_bad_value_stops_serve_naming_the_key(string setting, string expected)
    {
        var stderr = new StringWriter();
        int exit = await CommandRouter.RunAsync(["serve", "--data", _directory, "--http", "127.0.0.1:0", "--dns", "127.0.0.1:0", "--Dns:SandboxListen=off", setting],
            TextWriter.Null, stderr).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settings_are_read_from_configuration_and_default_to_a_week()
    {
        await using (var app = MeridianHost.Build(["--data", _directory]))
        {
            var defaults = app.Services.GetRequiredService<IOptions<ChangeFeedRetentionOptions>>().Value;
            Assert.Equal(TimeSpan.FromDays(7), defaults.Retention);
            Assert.Equal(10_000, defaults.KeepAtLeast);
        }

        await using var configured = MeridianHost.Build(["--data", _directory, "--ChangeFeed:Retention=2.00:00:00", "--ChangeFeed:KeepAtLeast=50",
            "--ChangeFeed:PruneInterval=00:00:30", "--ChangeFeed:PruneBatchSize=200"]);
        var pruner = configured.Services.GetRequiredService<ChangeFeedPruner>();
        Assert.Equal(TimeSpan.FromDays(2), pruner.Options.Retention);
        Assert.Equal(50, pruner.Options.KeepAtLeast);
        Assert.Equal(TimeSpan.FromSeconds(30), pruner.Options.PruneInterval);
        Assert.Equal(200, pruner.Options.PruneBatchSize);
    }
}
