using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Tests.Services;

/// <summary>Concurrent writers to one zone lose nothing and keep the serial strictly increasing.</summary>
public abstract class ConcurrencyTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private const int Writers = 8;
    private const int RecordsPerWriter = 25;

    [Fact]
    public async Task Eight_concurrent_writers_to_one_zone_all_succeed_and_serials_strictly_increase()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "busy.example");
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            start.Wait();
            var failures = new List<string>();
            for (int i = 0; i < RecordsPerWriter; i++)
            {
                var result = await Records.CreateAsync(actor, zone.Id, new RecordInput($"w{writer}-{i}", "A", $"10.0.{writer}.{i}"));
                if (!result.Succeeded) failures.Add(result.Error!.Message);
            }
            return failures;
        })).ToList();
        start.Set();
        var failures = (await Task.WhenAll(tasks)).SelectMany(f => f).ToList();

        Assert.Empty(failures);
        Assert.Equal(Writers * RecordsPerWriter, Ok(await Records.ListAsync(actor, zone.Id)).Count);
        await using var db = Database.CreateContext();
        var serials = await db.ZoneChanges.Where(c => c.ZoneId == zone.Id).OrderBy(c => c.Sequence).Select(c => c.Serial).ToListAsync();
        Assert.Equal(Writers * RecordsPerWriter + 1, serials.Count);
        for (int i = 1; i < serials.Count; i++)
            Assert.True(SerialNumbers.IsGreater((uint)serials[i], (uint)serials[i - 1]), $"serial {serials[i]} after {serials[i - 1]}");
        Assert.Equal(serials[^1], Ok(await Domains.GetAsync(actor, zone.Id)).Serial);

        // The engine served each committed serial in commit order (never an older zone after a newer one), and now
        // serves the last with every record.
        Assert.Equal(serials.Select(s => (uint)s), Served.Publications.ServedSerialsOf("busy.example."));
        Assert.Equal((uint)serials[^1], await Served.SerialOfAsync("busy.example."));
        var expected = Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, RecordsPerWriter).Select(i => $"w{w}-{i}.busy.example. A 10.0.{w}.{i}"));
        var answered = (await Served.RecordsOfAsync("busy.example.")).Where(r => r.Type == "A").Select(r => $"{r.Name} A {r.Data}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), answered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_writers_to_different_zones_all_succeed()
    {
        var actor = await NewClientAsync();
        var zones = new List<Meridian.Platform.Model.Zone>();
        for (int i = 0; i < 4; i++) zones.Add(await NewZoneAsync(actor, $"z{i}.example"));
        var tasks = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            int failed = 0;
            for (int i = 0; i < RecordsPerWriter; i++)
            {
                var zone = zones[(writer + i) % zones.Count];
                if (!(await Records.CreateAsync(actor, zone.Id, new RecordInput($"w{writer}-{i}", "TXT", $"writer {writer}"))).Succeeded) failed++;
            }
            return failed;
        })).ToList();
        Assert.Equal(0, (await Task.WhenAll(tasks)).Sum());
        int total = 0;
        foreach (var zone in zones) total += Ok(await Records.ListAsync(actor, zone.Id)).Count;
        Assert.Equal(Writers * RecordsPerWriter, total);
    }

    [Fact]
    public async Task Concurrent_creations_of_one_name_give_it_to_exactly_one_account()
    {
        var actors = new List<Meridian.Platform.Auth.Actor>();
        for (int i = 0; i < Writers; i++) actors.Add(await NewClientAsync());
        var results = await Task.WhenAll(actors.Select(a => Task.Run(() => Domains.CreateAsync(a, "contested.example"))));
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ServiceErrorKind.Conflict, r.Error!.Kind));
    }
}

public sealed class ConcurrencySqliteTests() : ConcurrencyTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyPostgresTests(PostgresServer server) : ConcurrencyTests(server.NewDatabase());
