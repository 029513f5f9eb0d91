using Npgsql;

namespace Meridian.Api.Tests.Support;

/// <summary>The PostgreSQL server of a test run: the one in MERIDIAN_TEST_POSTGRES (a connection string of
/// a user that may CREATE DATABASE) when set, else a throw-away server started with the repository's
/// scripts/postgres-temp.sh and stopped (and deleted) at the end of the run.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "MERIDIAN_TEST_POSTGRES";

    private string? _startedIn;
    private string _adminConnectionString = "";

    public async Task InitializeAsync()
    {
        string? given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(given))
        {
            _startedIn = Path.Combine(Path.GetTempPath(), "meridian-api-pg-" + Guid.NewGuid().ToString("N")[..12]);
            given = (await PostgresTempScript.RunAsync("start", _startedIn)).Trim().Split('\n')[^1];
        }
        _adminConnectionString = new NpgsqlConnectionStringBuilder(given) { Pooling = false }.ToString();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_startedIn is not null) await PostgresTempScript.RunAsync("stop", _startedIn);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
