using Meridian.Api.Tests.Support;
using Meridian.Platform.Following;
using Meridian.Server.Cli;
using Meridian.Server.Hosting;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;
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
        int exit = await CommandRouter.RunAsync(["serve", "--data", _directory, "--http", $"127.0.0.1:{LoopbackPorts.Tcp()}", "--dns", "127.0.0.1:0", "--Dns:SandboxListen=off", setting],
            TextWriter.Null, stderr).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        string line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_prunes_entries_older_than_the_retention_and_keeps_recent_ones()
    {
        await using var app = MeridianHost.Build(["--data", _directory, "--http", $"127.0.0.1:{LoopbackPorts.Tcp()}", "--dns", "127.0.0.1:0", "--Dns:SandboxListen=off",
            "--ChangeFeed:PruneInterval=00:00:01", "--ChangeFeed:KeepAtLeast=1"]);
        await app.StartAsync();
        var database = app.Services.GetRequiredService<PlatformDatabase>();
        var now = DateTime.UtcNow;
        await using (var db = database.CreateContext())
        {
            // Entries as a busy host leaves them: two weeks old, then one from now.
            for (int i = 0; i < 3; i++) db.ChangeFeed.Add(new ChangeFeedEntry { Kind = ChangeFeedKinds.ApiKey, KeyId = $"old{i}", At = now.AddDays(-14) });
            await db.SaveChangesAsync();
            db.ChangeFeed.Add(new ChangeFeedEntry { Kind = ChangeFeedKinds.ApiKey, KeyId = "recent", At = now });
            await db.SaveChangesAsync();
        }

        // A deadline for the background service, not a timing assertion.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<string?> left;
        do
        {
            await Task.Delay(200);
            await using var db = database.CreateContext();
            left = await db.ChangeFeed.Where(e => e.KeyId != null).OrderBy(e => e.Position).Select(e => e.KeyId).ToListAsync();
        }
        while (left.Any(k => k!.StartsWith("old", StringComparison.Ordinal)) && DateTime.UtcNow < deadline);
        Assert.Equal(["recent"], left);
        await app.StopAsync();
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
