using System.Diagnostics;
using Meridian.Platform.Storage;
using Npgsql;

namespace Meridian.Platform.Tests.Support;

/// <summary>The PostgreSQL server the storage tests run against: MERIDIAN_TEST_POSTGRES when set, else a
/// throw-away server started with scripts/postgres-temp.sh and stopped afterwards. The schema is migrated
/// once into a template database; each test gets a copy of it.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "MERIDIAN_TEST_POSTGRES";
    private const string TemplateName = "meridian_template";

    private string? _startedIn;
    private int _databases;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        string? given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(given))
        {
            _startedIn = Path.Combine(Path.GetTempPath(), "meridian-pg-" + Guid.NewGuid().ToString("N")[..12]);
            given = (await RunScriptAsync("start", _startedIn)).Trim().Split('\n')[^1];
        }
        AdminConnectionString = given;
        await ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateName}");
        await ExecuteAsync($"CREATE DATABASE {TemplateName}");
        var template = new StorageOptions { Postgres = WithDatabase(TemplateName, pooling: false) };
        await new PlatformDatabase(template).MigrateAsync();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A new database with the current schema, for one test.</summary>
    public ITestStorage NewDatabase() => new Database(this, $"meridian_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_startedIn is not null) await RunScriptAsync("stop", _startedIn);
    }

    private string WithDatabase(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling }.ToString();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> RunScriptAsync(string verb, string directory)
    {
        string script = Path.Combine(RepositoryRoot(), "scripts", "postgres-temp.sh");
        var start = new ProcessStartInfo("bash", [script, verb, directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"postgres-temp.sh {verb} failed: {await stderr}");
        return await stdout;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Meridian.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root (Meridian.sln) not found above " + AppContext.BaseDirectory);
    }

    private sealed class Database(PostgresServer server, string name) : ITestStorage
    {
        public StorageProvider Provider => StorageProvider.Postgres;

        public async Task<StorageOptions> CreateAsync()
        {
            await server.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
            return new StorageOptions { Postgres = server.WithDatabase(name) };
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }
}
