using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Meridian.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Storage;

/// <summary>SQLite writes go through one long-lived connection with prepared statements: a write that fails
/// on it (here: another process holds the file's write lock past the busy timeout) must leave it usable,
/// with nothing of the failed write kept, and later writes must each store their own values.</summary>
public sealed class SqliteWriteConnectionTests() : PlatformTestBase(new SqliteTestStorage())
{
    // The driver also retries a busy file until its command timeout (30 s unless the connection string says).
    protected override void Configure(IServiceCollection services) =>
        services.Configure<StorageOptions>(o =>
        {
            o.SqliteBusyTimeout = TimeSpan.FromMilliseconds(300);
            o.Sqlite += ";Default Timeout=1";
        });

    [Fact]
    public async Task A_write_that_found_the_file_locked_leaves_the_next_writes_working()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "locked.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("before", "A", "192.0.2.1")));
        uint serialBefore = (uint)Ok(await Domains.GetAsync(actor, zone.Id)).Serial;

        await using (var other = new SqliteConnection(StorageOptions.Sqlite))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
            var busy = await Assert.ThrowsAsync<SqliteException>(() => Records.CreateAsync(actor, zone.Id, new RecordInput("during", "A", "192.0.2.2")));
            Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync();
        }

        for (int i = 0; i < 20; i++)
            Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput($"after{i}", i % 2 == 0 ? "A" : "TXT", i % 2 == 0 ? $"198.51.100.{i}" : $"text {i}")));

        var names = Ok(await Records.ListAsync(actor, zone.Id)).ToDictionary(r => r.Name, r => r.Data);
        Assert.DoesNotContain("during.locked.example.", names.Keys);
        Assert.Equal("192.0.2.1", names["before.locked.example."]);
        for (int i = 0; i < 20; i++)
            Assert.Equal(i % 2 == 0 ? $"198.51.100.{i}" : $"\"text {i}\"", names[$"after{i}.locked.example."]);
        uint served = await Served.SerialOfAsync("locked.example.");
        Assert.Equal((uint)Ok(await Domains.GetAsync(actor, zone.Id)).Serial, served);
        Assert.True(Meridian.Platform.Publishing.SerialNumbers.IsGreater(served, serialBefore));
        var servedNames = (await Served.RecordsOfAsync("locked.example.")).Where(r => r.Type is "A" or "TXT").Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(names.Keys.Order(StringComparer.Ordinal), servedNames);
    }
}
