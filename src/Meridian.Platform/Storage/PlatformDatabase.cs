using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Meridian.Platform.Storage;

/// <summary>The platform's database: makes contexts of the configured provider, applies migrations, and
/// holds the one in-process write gate SQLite needs (it has a single writer; waiting in-process is cheaper
/// than the driver's sleep-and-retry on a busy file).</summary>
public sealed class PlatformDatabase : IAsyncDisposable, IDisposable
{
    private readonly Func<MeridianDbContext> _create;
    private readonly string? _sqliteConnectionString;
    private readonly Npgsql.NpgsqlDataSource? _postgresReads;
    private SqliteCheckpointer? _checkpointer;
    private SqliteWriteConnection? _sqliteWriter;

    public PlatformDatabase(StorageOptions options)
    {
        Options = options;
        Provider = options.Provider;
        if (Provider == StorageProvider.Postgres)
        {
            _create = CreatePostgresFactory(options);
            _postgresReads = Npgsql.NpgsqlDataSource.Create(options.Postgres!);
        }
        else
        {
            _sqliteConnectionString = SqliteConnectionString(options);
            _create = CreateSqliteFactory(_sqliteConnectionString, options);
            _sqliteWriter = new SqliteWriteConnection(_sqliteConnectionString, options.SqliteBusyTimeout);
        }
    }

    public StorageOptions Options { get; }

    public StorageProvider Provider { get; }

    /// <summary>Held by every SQLite write transaction; unused with PostgreSQL, which locks rows.</summary>
    internal SemaphoreSlim SqliteWriteGate { get; } = new(1, 1);

    /// <summary>SQLite's write connection, for the holder of <see cref="SqliteWriteGate"/>; null with PostgreSQL.</summary>
    internal SqliteWriteConnection? SqliteWriter => _sqliteWriter;

    public MeridianDbContext CreateContext() => _create();

    /// <summary>An open connection for hand-written reads outside any transaction (the hot read paths,
    /// where an EF context costs more than the query). Dispose it to give it back to the pool.</summary>
    internal async ValueTask<System.Data.Common.DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        if (_postgresReads is not null) return await _postgresReads.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Creates or upgrades the schema; on SQLite also switches the file to WAL and starts the
    /// background checkpoints.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        // Migrating also compares the model with the last migration's snapshot, which costs about half a second of
        // CPU at every start; a database already at the last migration skips it (a new one still gets the check).
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) await db.Database.MigrateAsync(cancellationToken);
        await ZoneNameBackfill.RunAsync(db, cancellationToken);
        if (Provider == StorageProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            _checkpointer ??= new SqliteCheckpointer(_sqliteConnectionString!);
        }
    }

    public void Dispose()
    {
        _postgresReads?.Dispose();
        _sqliteWriter?.Dispose();
        _sqliteWriter = null;
        _checkpointer?.Dispose();
        _checkpointer = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresReads is not null) await _postgresReads.DisposeAsync();
        _sqliteWriter?.Dispose();
        _sqliteWriter = null;
        if (_checkpointer is not null) await _checkpointer.DisposeAsync();
        _checkpointer = null;
    }

    private static string SqliteConnectionString(StorageOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Sqlite);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (directory is not null) Directory.CreateDirectory(directory);
        }
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, (int)options.SqliteBusyTimeout.TotalSeconds);
        return builder.ToString();
    }

    private static Func<MeridianDbContext> CreateSqliteFactory(string connectionString, StorageOptions options)
    {
        var contextOptions = new DbContextOptionsBuilder<SqliteMeridianDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionSetup(options.SqliteBusyTimeout))
            .Options;
        return new PooledDbContextFactory<SqliteMeridianDbContext>(contextOptions).CreateDbContext;
    }

    private static Func<MeridianDbContext> CreatePostgresFactory(StorageOptions options)
    {
        var contextOptions = new DbContextOptionsBuilder<PostgresMeridianDbContext>()
            .UseNpgsql(options.Postgres)
            .Options;
        return new PooledDbContextFactory<PostgresMeridianDbContext>(contextOptions).CreateDbContext;
    }
}
