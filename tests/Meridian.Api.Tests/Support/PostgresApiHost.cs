namespace Meridian.Api.Tests.Support;

/// <summary>Meridian on a new, empty PostgreSQL database of the test run's server.</summary>
public class PostgresApiHost : ApiHost
{
    private readonly string _database = "meridian_api_" + Guid.NewGuid().ToString("N")[..12];
    private PostgresServer? _server;

    /// <summary>Sets the server the database is made on; the test class calls this before starting.</summary>
    public PostgresApiHost On(PostgresServer server)
    {
        _server ??= server;
        return this;
    }

    protected override async Task<IReadOnlyDictionary<string, string>> CreateStorageAsync()
    {
        var server = _server ?? throw new InvalidOperationException("no PostgreSQL server: call On(server) first");
        string connectionString = await server.CreateDatabaseAsync(_database);
        return new Dictionary<string, string> { ["Meridian:Database"] = connectionString };
    }

    protected override async Task DeleteStorageAsync()
    {
        if (_server is not null) await _server.DropDatabaseAsync(_database);
    }
}
