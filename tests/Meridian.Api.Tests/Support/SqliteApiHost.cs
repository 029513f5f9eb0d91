namespace Meridian.Api.Tests.Support;

/// <summary>Meridian on SQLite in a new temporary data directory.</summary>
public class SqliteApiHost : ApiHost
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meridian-api-tests-" + Guid.NewGuid().ToString("N")[..12]);

    protected override Task<IReadOnlyDictionary<string, string>> CreateStorageAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Meridian:DataDirectory"] = _directory });

    protected override Task DeleteStorageAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
