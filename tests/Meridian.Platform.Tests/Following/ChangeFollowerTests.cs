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
    private readonly List<ServiceProvider> _nodes = [];

    protected override void Configure(IServiceCollection services) =>
        services.Configure<ApiKeyCacheOptions>(o => o.RevalidateAfter = TimeSpan.FromHours(1));

    public override async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Another serving node on the same database, with its own publisher, started as `serve` starts it.</summary>
    private async Task<(ServiceProvider Services, RecordingZonePublisher Publisher)> StartNodeAsync()
    {
        var publisher = new RecordingZonePublisher();
        var services = BuildServices(StorageOptions, publisher, Clock, Configure);
        _nodes.Add(services);
        await services.GetRequiredService<PlatformStartup>().StartAsync();
        return (services, publisher);
    }

    private ChangeFollower FollowerOf(IServiceProvider services) => services.GetRequiredService<ChangeFollower>();

    [Fact]
    public async Task Another_node_serves_each_write_patched_by_name_after_reading_the_feed()
    {
        var (node, published) = await StartNodeAsync();
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "follow.example");
        var www = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        await FollowerOf(node).CatchUpAsync(default);
        Assert.Equal(Publisher.SerialOf("follow.example."), published.SerialOf("follow.example."));

        Ok(await Records.UpdateAsync(actor, www.Id, new RecordInput(Value: "192.0.2.2")));
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("mail", "A", "192.0.2.3")));
        int incremental = published.IncrementalPublishes;
        Assert.Equal(2, await FollowerOf(node).CatchUpAsync(default));

        Assert.Equal(Publisher.SerialOf("follow.example."), published.SerialOf("follow.example."));
        Assert.Equal(Describe(Publisher, "follow.example."), Describe(published, "follow.example."));
        Assert.Contains("www.follow.example. A 192.0.2.2", Describe(published, "follow.example."));
        // One patch for the zone's new entries, not a reload of the zone.
        Assert.Equal(incremental + 1, published.IncrementalPublishes);

        Ok(await Domains.DeleteAsync(actor, zone.Id));
        await FollowerOf(node).CatchUpAsync(default);
        Assert.False(published.IsServed("follow.example."));
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
            var served = watched.RecordsOf(zone.Name).Where(r => r.Type == Meridian.Dns.Records.DnsType.A)
                .Select(r => $"{r.Owner} A {string.Join('.', r.Data)}").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(stored, served);
            var head = Ok(await Records.ListingAsync(actor, zone.Id));
            Assert.Equal((uint)head.Serial, watched.SerialOf(zone.Name));
            // Every publish of the zone on the following node was at a serial no older than the one before.
            var serials = watched.Calls.Where(c => c.Origin.ToString() == zone.Name && c.Action == "publish").Select(c => c.Serial).ToList();
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

    private static List<string> Describe(RecordingZonePublisher publisher, string origin) =>
        [.. publisher.RecordsOf(origin).Where(r => r.Type == Meridian.Dns.Records.DnsType.A)
            .Select(r => $"{r.Owner} A {string.Join('.', r.Data)}").Order(StringComparer.Ordinal)];
}

public sealed class ChangeFollowerSqliteTests() : ChangeFollowerTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class ChangeFollowerPostgresTests(PostgresServer server) : ChangeFollowerTests(server.NewDatabase());
