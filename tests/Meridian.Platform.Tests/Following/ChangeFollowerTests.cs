using Meridian.Platform.Auth;
using Meridian.Platform.Following;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Following;

/// <summary>Nodes over one database: what one node (or the CLI) commits, another serves after reading the change
/// feed, patched name by name, in commit order, never going back to an older serial; revoked keys are forgotten.</summary>
public abstract class ChangeFollowerTests(ITestStorage storage) : PlatformTestBase(storage)
{
    protected override void Configure(IServiceCollection services) =>
        services.Configure<ApiKeyCacheOptions>(o => o.RevalidateAfter = TimeSpan.FromHours(1));

    /// <summary>Another serving node on the same database, with its own DNS engine, started as `serve` starts it.</summary>
    private async Task<(ServiceProvider Services, ServedZones Served)> StartNodeAsync()
    {
        var node = NewNode(Clock);
        await node.Services.GetRequiredService<PlatformStartup>().StartAsync();
        return node;
    }

    private ChangeFollower FollowerOf(IServiceProvider services) => services.GetRequiredService<ChangeFollower>();

    [Fact]
    public async Task Another_node_serves_each_write_patched_by_name_after_reading_the_feed()
    {
        var (node, there) = await StartNodeAsync();
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "follow.example");
        var www = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        await FollowerOf(node).CatchUpAsync(default);
        Assert.Equal(await Served.SerialOfAsync("follow.example."), await there.SerialOfAsync("follow.example."));

        Ok(await Records.UpdateAsync(actor, www.Id, new RecordInput(Value: "192.0.2.2")));
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("mail", "A", "192.0.2.3")));
        int incremental = there.Publications.Incremental;
        Assert.Equal(2, await FollowerOf(node).CatchUpAsync(default));

        Assert.Equal(await Served.SerialOfAsync("follow.example."), await there.SerialOfAsync("follow.example."));
        Assert.Equal(await Served.DescribeAsync("follow.example."), await there.DescribeAsync("follow.example."));
        Assert.Equal(["192.0.2.2"], await there.AskAsync("www.follow.example", "A"));
        // One patch for the zone's new entries, not a reload of the zone.
        Assert.Equal(incremental + 1, there.Publications.Incremental);
        Assert.Equal(PublicationKind.Incremental, there.Publications.Of("follow.example.")[^1].Kind);

        Ok(await Domains.DeleteAsync(actor, zone.Id));
        await FollowerOf(node).CatchUpAsync(default);
        Assert.False(await there.IsServedAsync("follow.example."));
    }

    [Fact]
    public async Task Concurrent_writers_on_two_nodes_are_all_followed_by_a_third_that_never_goes_back()
    {
        var (second, _) = await StartNodeAsync();
        var (third, watched) = await StartNodeAsync();
        var actor = await NewClientAsync();
        var zones = new List<Zone>();
        for (int i = 0; i < 3; i++) zones.Add(await NewZoneAsync(actor, $"z{i}.fleet.example"));
        RecordService[] writers = [Records, second.GetRequiredService<RecordService>()];

        using var done = new CancellationTokenSource();
        var following = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested) await FollowerOf(third).CatchUpAsync(default);
        });
        var writing = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < 25; i++)
            {
                var zone = zones[(w + i) % zones.Count];
                Ok(await writers[w % 2].CreateAsync(actor, zone.Id, new RecordInput($"w{w}-{i}", "A", $"192.0.2.{1 + i}")));
            }
        })).ToArray();
        await Task.WhenAll(writing);
        await done.CancelAsync();
        await following;
        await FollowerOf(third).CatchUpAsync(default);

        foreach (var zone in zones)
        {
            var stored = Ok(await Records.ListAsync(actor, zone.Id)).Select(r => $"{r.Name} A {r.Data}").Order(StringComparer.Ordinal).ToList();
            var served = (await watched.RecordsOfAsync(zone.Name)).Where(r => r.Type == "A").Select(r => $"{r.Name} A {r.Data}").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(stored, served);
            var head = Ok(await Records.ListingAsync(actor, zone.Id));
            Assert.Equal((uint)head.Serial, await watched.SerialOfAsync(zone.Name));
            // After every publication of the zone on the following node, it served a serial no older than before.
            var serials = watched.Publications.ServedSerialsOf(zone.Name);
            for (int i = 1; i < serials.Count; i++) Assert.False(SerialNumbers.IsGreater(serials[i - 1], serials[i]), $"{zone.Name} went from {serials[i - 1]} to {serials[i]}");
        }
    }

    [Fact]
    public async Task A_key_revoked_through_another_node_is_forgotten_when_the_feed_is_read()
    {
        var (node, _) = await StartNodeAsync();
        var account = Ok(await Accounts.CreateAsync(AccountKind.Client, "revoked", "owner@example.net"));
        var issued = Ok(await Keys.IssueAsync(account.Id, "k", ApiEnvironment.Production));
        var keysThere = node.GetRequiredService<ApiKeyService>();
        Assert.NotNull(await keysThere.AuthenticateAsync(issued.Token));

        Ok(await Keys.RevokeAsync(account.Id, issued.Key.Id));
        // Cached for an hour (RevalidateAfter): without the feed the other node would still accept it.
        Assert.NotNull(await keysThere.AuthenticateAsync(issued.Token));
        await FollowerOf(node).CatchUpAsync(default);
        Assert.Null(await keysThere.AuthenticateAsync(issued.Token));
    }

    [Fact]
    public async Task While_following_a_cached_key_is_trusted_only_within_the_window_after_the_last_read()
    {
        var (node, _) = await StartNodeAsync();
        var account = Ok(await Accounts.CreateAsync(AccountKind.Client, "window", "owner@example.net"));
        var issued = Ok(await Keys.IssueAsync(account.Id, "k", ApiEnvironment.Production));
        var keysThere = node.GetRequiredService<ApiKeyService>();
        var cache = node.GetRequiredService<ApiKeyCache>();
        cache.FollowFeed(TimeSpan.FromSeconds(1));
        await FollowerOf(node).CatchUpAsync(default);
        Assert.NotNull(await keysThere.AuthenticateAsync(issued.Token));

        // Revoked by hand, bypassing the feed, and the follower not reading for longer than the window: the cached
        // entry is no longer trusted, and the database says revoked.
        await using (var db = Database.CreateContext())
        {
            var key = db.ApiKeys.Single(k => k.Id == issued.Key.Id);
            key.RevokedAt = Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        Assert.NotNull(await keysThere.AuthenticateAsync(issued.Token));
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await keysThere.AuthenticateAsync(issued.Token));
    }
}

public sealed class ChangeFollowerSqliteTests() : ChangeFollowerTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class ChangeFollowerPostgresTests(PostgresServer server) : ChangeFollowerTests(server.NewDatabase());
