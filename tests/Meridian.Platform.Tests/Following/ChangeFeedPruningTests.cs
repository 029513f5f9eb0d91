using Meridian.Platform.Auth;
using Meridian.Platform.Following;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Meridian.Platform.Tests.Following;

/// <summary>The change feed is pruned past its retention, oldest first, keeping the newest entries and the zones'
/// history; a node whose unread entries were pruned notices and reloads every zone, and then answers (asked with
/// <c>dig</c> over a real DNS server) exactly what is stored.</summary>
public abstract class ChangeFeedPruningTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    protected override void Configure(IServiceCollection services)
    {
        // Cached for an hour: only the feed (or a reload after pruning) can make a node forget a revoked key.
        services.Configure<ApiKeyCacheOptions>(o => o.RevalidateAfter = TimeSpan.FromHours(1));
        services.Configure<ChangeFeedRetentionOptions>(o =>
        {
            o.Retention = Retention;
            o.KeepAtLeast = 1;
            o.PruneBatchSize = 2;
        });
    }

    private ChangeFeedPruner Pruner => Services.GetRequiredService<ChangeFeedPruner>();

    private ChangeFeedPruner PrunerKeeping(int newest) => new(Database, Clock, Options.Create(new ChangeFeedRetentionOptions
    {
        Retention = Retention, KeepAtLeast = newest, PruneBatchSize = 2,
    }), NullLogger<ChangeFeedPruner>.Instance);

    [Fact]
    public async Task Pruning_deletes_entries_past_the_retention_in_batches_and_keeps_the_newest_and_the_history()
    {
        var pruner = PrunerKeeping(3);
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "prune.example");
        for (int i = 0; i < 5; i++) Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput($"old{i}", "A", $"192.0.2.{i + 1}")));
        var old = await FeedPositionsAsync();
        Clock.Advance(Retention + TimeSpan.FromHours(1));
        for (int i = 0; i < 2; i++) Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput($"new{i}", "A", $"198.51.100.{i + 1}")));
        var all = await FeedPositionsAsync();
        int history = await CountHistoryAsync(zone.Id);

        // Two recent entries and, to keep three, the newest old one; the rest goes, two per transaction.
        Assert.Equal(old.Count - 1, await pruner.PruneAsync(default));
        Assert.Equal(all[^3..], await FeedPositionsAsync());
        Assert.Equal(history, await CountHistoryAsync(zone.Id));
        Assert.Equal(history, Ok(await Services.GetRequiredService<ChangeJournalService>().ListAsync(actor, zone.Id, PageRequest.All)).Total);

        Assert.Equal(0, await pruner.PruneAsync(default));
        Clock.Advance(Retention * 2);
        // Everything is old now, but the newest three stay.
        Assert.Equal(0, await pruner.PruneAsync(default));
        Assert.Equal(all[^3..], await FeedPositionsAsync());
    }

    [Fact]
    public async Task A_node_whose_unread_entries_were_pruned_reloads_every_zone_and_answers_what_is_stored()
    {
        var (node, dns) = await StartDnsNodeAsync();
        var follower = node.GetRequiredService<ChangeFollower>();
        var actor = await NewClientAsync();
        var kept = await NewZoneAsync(actor, "kept.example");
        var www = Ok(await Records.CreateAsync(actor, kept.Id, new RecordInput("www", "A", "192.0.2.1")));
        var gone = await NewZoneAsync(actor, "gone.example");
        Ok(await Records.CreateAsync(actor, gone.Id, new RecordInput("www", "A", "192.0.2.9")));
        var remade = await NewZoneAsync(actor, "remade.example");
        Ok(await Records.CreateAsync(actor, remade.Id, new RecordInput("www", "A", "192.0.2.6")));
        var account = Ok(await Accounts.CreateAsync(AccountKind.Client, "pruned-key", "owner@example.net"));
        var issued = Ok(await Keys.IssueAsync(account.Id, "k", ApiEnvironment.Production));
        var keysThere = node.GetRequiredService<ApiKeyService>();
        Assert.NotNull(await keysThere.AuthenticateAsync(issued.Token));
        await follower.CatchUpAsync(default);
        Assert.Equal("192.0.2.1", await DigAsync(dns, "www.kept.example", "A"));
        Assert.Equal("192.0.2.9", await DigAsync(dns, "www.gone.example", "A"));

        // Changes the node does not read before they are pruned: a record changed, a zone created, one deleted, one
        // deleted and made again, a key revoked.
        Ok(await Records.UpdateAsync(actor, www.Id, new RecordInput(Value: "192.0.2.2")));
        var added = await NewZoneAsync(actor, "added.example");
        Ok(await Records.CreateAsync(actor, added.Id, new RecordInput("www", "A", "192.0.2.3")));
        Ok(await Domains.DeleteAsync(actor, gone.Id));
        // Deleted and made again under the same name (a new zone id).
        Ok(await Domains.DeleteAsync(actor, remade.Id));
        var again = await NewZoneAsync(actor, "remade.example");
        Ok(await Records.CreateAsync(actor, again.Id, new RecordInput("www", "A", "192.0.2.7")));
        Ok(await Keys.RevokeAsync(account.Id, issued.Key.Id));
        Clock.Advance(Retention + TimeSpan.FromDays(1));
        // One recent change, to a name the pruned ones did not touch: following it alone would leave www as it was.
        Ok(await Records.CreateAsync(actor, kept.Id, new RecordInput("mail", "A", "192.0.2.4")));
        Assert.True(await Pruner.PruneAsync(default) > 0);
        Assert.True((await FeedPositionsAsync())[0] > follower.Position + 1, "the entry after the node's position is pruned");

        Assert.True(await follower.CatchUpAsync(default) > 0);

        Assert.Equal("192.0.2.2", await DigAsync(dns, "www.kept.example", "A"));
        Assert.Equal("192.0.2.4", await DigAsync(dns, "mail.kept.example", "A"));
        Assert.Equal("192.0.2.3", await DigAsync(dns, "www.added.example", "A"));
        Assert.False(await dns.IsServedAsync("gone.example."));
        Assert.Equal("192.0.2.7", await DigAsync(dns, "www.remade.example", "A"));
        Assert.Equal(Ok(await Records.ListingAsync(actor, kept.Id)).Serial, await dns.SerialOfAsync("kept.example."));
        Assert.Null(await keysThere.AuthenticateAsync(issued.Token));
        Assert.Equal((await FeedPositionsAsync())[^1], follower.Position);
        Assert.Equal(1, follower.Reloads);

        // Back to following entry by entry.
        Ok(await Records.UpdateAsync(actor, www.Id, new RecordInput(Value: "192.0.2.5")));
        Assert.Equal(1, await follower.CatchUpAsync(default));
        Assert.Equal(1, follower.Reloads);
        Assert.Equal("192.0.2.5", await DigAsync(dns, "www.kept.example", "A"));
    }

    [Fact]
    public async Task A_node_that_read_every_entry_pruned_is_not_reloaded()
    {
        var (node, dns) = await StartDnsNodeAsync();
        var follower = node.GetRequiredService<ChangeFollower>();
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "current.example");
        var www = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        await follower.CatchUpAsync(default);

        Clock.Advance(Retention + TimeSpan.FromDays(1));
        Ok(await Records.UpdateAsync(actor, www.Id, new RecordInput(Value: "192.0.2.2")));
        Assert.True(await Pruner.PruneAsync(default) > 0);
        Assert.Equal(follower.Position + 1, (await FeedPositionsAsync())[0]);

        Assert.Equal(1, await follower.CatchUpAsync(default));
        Assert.Equal(0, follower.Reloads);
        Assert.Equal("192.0.2.2", await DigAsync(dns, "www.current.example", "A"));
    }

    /// <summary>Another serving node on the same database answering DNS on a loopback port, started as `serve` starts it.</summary>
    private async Task<(ServiceProvider Services, ServedZones Dns)> StartDnsNodeAsync()
    {
        var (services, served) = NewNode(Clock);
        await services.GetRequiredService<PlatformStartup>().StartAsync();
        return (services, served);
    }

    private static async Task<string> DigAsync(ServedZones dns, string name, string type) => string.Join(" ", await dns.AskAsync(name, type));

    private async Task<List<long>> FeedPositionsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.ChangeFeed.OrderBy(e => e.Position).Select(e => e.Position).ToListAsync();
    }

    private async Task<int> CountHistoryAsync(Guid zoneId)
    {
        await using var db = Database.CreateContext();
        return await db.ZoneChanges.CountAsync(c => c.ZoneId == zoneId);
    }
}

public sealed class ChangeFeedPruningSqliteTests() : ChangeFeedPruningTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class ChangeFeedPruningPostgresTests(PostgresServer server) : ChangeFeedPruningTests(server.NewDatabase());
