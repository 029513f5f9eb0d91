using Meridian.Platform.Storage;
using Microsoft.Data.Sqlite;

namespace Meridian.Platform.Tests.Support;

/// <summary>A SQLite file in a temp directory, deleted afterwards.</summary>
public sealed class SqliteTestStorage : ITestStorage
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meridian-test-" + Guid.NewGuid().ToString("N"));

    public StorageProvider Provider => StorageProvider.Sqlite;

    public Task<StorageOptions> CreateAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult(new StorageOptions { Sqlite = $"Data Source={Path.Combine(_directory, "meridian.db")}" });
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
        return ValueTask.CompletedTask;
    }
}
