using System.ComponentModel.DataAnnotations;

namespace Meridian.Platform.Storage;

/// <summary>Where the platform keeps its data (configuration section "Storage"): a SQLite file by default,
/// PostgreSQL when <see cref="Postgres"/> is set.</summary>
public sealed class StorageOptions
{
    public const string DefaultSqlite = "Data Source=./data/meridian.db";

    /// <summary>A Microsoft.Data.Sqlite connection string; its directory is created when missing.</summary>
    public string Sqlite { get; set; } = DefaultSqlite;

    /// <summary>An Npgsql connection string ("Host=…;Username=…;Database=…"); when set, PostgreSQL is used.</summary>
    public string? Postgres { get; set; }

    /// <summary>How long a writer waits for SQLite's write lock held by another process.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "allowed: 00:00:00.001 to 01:00:00")]
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public StorageProvider Provider => string.IsNullOrWhiteSpace(Postgres) ? StorageProvider.Sqlite : StorageProvider.Postgres;
}
