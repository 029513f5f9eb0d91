using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Meridian.Platform.Storage;

/// <summary>The platform's database: makes contexts of the configured provider, applies migrations, and
/// holds the one in-process write gate SQLite needs (it has a single writer; waiting in-process is cheaper
/// than the driver's sleep-and-retry on a busy file).</summary>
public sealed class PlatformDatabase
{
    private readonly Func<MeridianDbContext> _create;

    public PlatformDatabase(StorageOptions options)
    {
        Options = options;
        Provider = options.Provider;
        _create = Provider == StorageProvider.Postgres ? CreatePostgresFactory(options) : CreateSqliteFactory(options);
    }

    public StorageOptions Options { get; }

    public StorageProvider Provider { get; }

    /// <summary>Held by every SQLite write transaction; unused with PostgreSQL, which locks rows.</summary>
    internal SemaphoreSlim SqliteWriteGate { get; } = new(1, 1);

    public MeridianDbContext CreateContext() => _create();

    /// <summary>Creates or upgrades the schema; on SQLite also switches the file to WAL.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (Provider == StorageProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private static Func<MeridianDbContext> CreateSqliteFactory(StorageOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Sqlite);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (directory is not null) Directory.CreateDirectory(directory);
        }
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, (int)options.SqliteBusyTimeout.TotalSeconds);
        var contextOptions = new DbContextOptionsBuilder<SqliteMeridianDbContext>()
            .UseSqlite(builder.ToString())
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
