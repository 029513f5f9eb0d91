using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Publishing;

/// <summary>A starting node reads every active zone in one statement and publishes them on several workers: whatever it
/// serves must be what the node that wrote the zones serves, zone for zone.</summary>
public abstract class StartPublicationTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private const int Zones = 24;

    [Fact]
    public async Task A_restarted_node_serves_every_active_zone_as_the_writing_node_does()
    {
        var actor = await NewClientAsync();
        var names = new List<string>();
        for (int i = 0; i < Zones; i++)
        {
            var zone = await NewZoneAsync(actor, $"start{i}.example");
            names.Add(zone.Name);
            // Every zone a little different, so a record published into the wrong zone shows.
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", $"192.0.2.{i + 1}")));
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "AAAA", $"2001:db8::{i + 1:x}")));
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("@", "MX", $"mail{i}.example.net", Priority: 10 + i)));
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("alias", "CNAME", $"www.start{i}.example")));
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("@", "TXT", $"\"v=spf1 -all\" \"zone {i}; \\\"quoted\\\"\"")));
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("eu", "A", "198.51.100.7", CountryCodes: ["EU"])));
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("eu", "A", "198.51.100.8")));
        }
        var empty = await NewZoneAsync(actor, "start-empty.example");
        names.Add(empty.Name);

        var (services, restarted) = NewNode();
        int published = await services.GetRequiredService<PlatformStartup>().StartAsync();

        Assert.Equal(Zones + 1, published);
        foreach (string name in names)
        {
            Assert.Equal(await Served.SerialOfAsync(name), await restarted.SerialOfAsync(name));
            Assert.Equal(await Served.DescribeAsync(name), await restarted.DescribeAsync(name));
        }
        Assert.Equal(["198.51.100.7"], await restarted.AskFromAsync("FR", "eu.start3.example", "A"));
        Assert.Equal(["198.51.100.8"], await restarted.AskFromAsync("US", "eu.start3.example", "A"));
    }

    [Fact]
    public async Task A_restarted_node_leaves_out_inactive_zones_and_unreadable_rows_and_serves_the_rest()
    {
        var actor = await NewClientAsync();
        var kept = await NewZoneAsync(actor, "kept.example");
        var inactive = await NewZoneAsync(actor, "inactive.example");
        var good = Ok(await Records.CreateAsync(actor, kept.Id, new RecordInput("www", "A", "192.0.2.1")));
        var spoiled = Ok(await Records.CreateAsync(actor, kept.Id, new RecordInput("api", "A", "192.0.2.2")));
        var globalised = Ok(await Records.CreateAsync(actor, kept.Id, new RecordInput("geo", "A", "192.0.2.3", CountryCodes: ["EU"])));
        Ok(await Records.CreateAsync(actor, inactive.Id, new RecordInput("www", "A", "192.0.2.9")));
        await using (var db = Database.CreateContext())
        {
            // As an operator's hand edit could leave them: data that no longer parses, country codes that are not JSON.
            await db.Records.Where(r => r.Id == spoiled.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Data, "not an address"));
            await db.Database.ExecuteSqlRawAsync("UPDATE records SET country_codes = '[\"EU\"' WHERE name = 'geo.kept.example.'");
            await db.Zones.Where(z => z.Id == inactive.Id).ExecuteUpdateAsync(set => set.SetProperty(z => z.Active, false));
        }

        var (services, restarted) = NewNode();
        Assert.Equal(1, await services.GetRequiredService<PlatformStartup>().StartAsync());

        Assert.False(await restarted.IsServedAsync("inactive.example."));
        Assert.Equal([good.Data], await restarted.AskAsync("www.kept.example", "A"));
        Assert.Empty(await restarted.AskAsync("api.kept.example", "A"));
        // Unreadable targets count as global rather than failing the zone.
        Assert.Equal([globalised.Data], await restarted.AskFromAsync("US", "geo.kept.example", "A"));
    }

    [Fact]
    public async Task A_sandbox_zone_is_not_published_to_the_production_engine_at_start()
    {
        var actor = await NewClientAsync(environment: ApiEnvironment.Sandbox);
        var zone = await NewZoneAsync(actor, "sandboxed.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));

        var (services, restarted) = NewNode();
        Assert.Equal(1, await services.GetRequiredService<PlatformStartup>().StartAsync());

        Assert.False(await restarted.IsServedAsync("sandboxed.example."));
    }
}

public sealed class StartPublicationSqliteTests() : StartPublicationTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class StartPublicationPostgresTests(PostgresServer server) : StartPublicationTests(server.NewDatabase());
