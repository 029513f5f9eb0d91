using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Publishing;

/// <summary>A write hands the engine only the names it changed, and what is served after many such writes is
/// exactly what publishing the stored zone whole (as a restart does) serves.</summary>
public abstract class IncrementalPublishingTests(ITestStorage storage) : PlatformTestBase(storage)
{
    [Fact]
    public async Task Writes_publish_changed_names_only_and_serve_what_a_whole_publish_would()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "patched.example");
        var random = new Random(5);
        var created = new List<Guid>();
        string[] names = ["@", "www", "a.b", "c.a.b", "*", "*.dev", "mail", "x.y.z"];
        const int writes = 120;
        for (int i = 0; i < writes; i++)
        {
            int choice = random.Next(6);
            if (choice <= 2 || created.Count == 0)
            {
                var name = names[random.Next(names.Length)];
                var record = random.Next(2) == 0
                    ? Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput(name, "A", $"192.0.2.{i}")))
                    : Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput(name, "TXT", $"note {i}")));
                created.Add(record.Id);
            }
            else if (choice <= 4)
            {
                var id = created[random.Next(created.Count)];
                var existing = Ok(await Records.GetAsync(actor, id));
                var update = existing.Type == "A" ? new RecordInput(Name: names[random.Next(names.Length)], Value: $"198.51.100.{i}") : new RecordInput(Value: $"changed {i}");
                Ok(await Records.UpdateAsync(actor, id, update));
            }
            else
            {
                var id = created[random.Next(created.Count)];
                Ok(await Records.DeleteAsync(actor, id));
                created.Remove(id);
            }
        }

        // Each write was patched into the served zone, not rebuilt; a restart publishes the stored zone whole, and both engines answer alike.
        Assert.True(Served.Publications.Incremental >= writes, $"{Served.Publications.Incremental} of {writes} writes were published incrementally");
        var (restarted, wholeEngine) = NewNode();
        await restarted.GetRequiredService<PlatformStartup>().StartAsync();
        Assert.Equal([PublicationKind.Whole], wholeEngine.Publications.Of("patched.example.").Select(p => p.Kind));
        Assert.Equal(await wholeEngine.SerialOfAsync("patched.example."), await Served.SerialOfAsync("patched.example."));
        Assert.Equal(await wholeEngine.DescribeAsync("patched.example."), await Served.DescribeAsync("patched.example."));
    }
}

public sealed class IncrementalPublishingSqliteTests() : IncrementalPublishingTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class IncrementalPublishingPostgresTests(PostgresServer server) : IncrementalPublishingTests(server.NewDatabase());
