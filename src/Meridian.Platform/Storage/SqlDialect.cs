using System.Data.Common;
using System.Globalization;

namespace Meridian.Platform.Storage;

/// <summary>How the hand-written SQL of the write path passes and reads values, in the forms EF Core uses
/// for the same columns: on SQLite GUIDs are upper-case text and times "yyyy-MM-dd HH:mm:ss.FFFFFFF" text,
/// on PostgreSQL they are uuid and timestamptz.</summary>
internal sealed class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new(StorageProvider.Sqlite);

    public static SqlDialect Postgres { get; } = new(StorageProvider.Postgres);

    private SqlDialect(StorageProvider provider) => Provider = provider;

    public StorageProvider Provider { get; }

    public static SqlDialect For(StorageProvider provider) => provider == StorageProvider.Postgres ? Postgres : Sqlite;

    /// <summary>Appended to a SELECT that must lock its row until the transaction ends.</summary>
    public string ForUpdate => Provider == StorageProvider.Postgres ? " FOR UPDATE" : "";

    public object Value(Guid value) => Provider == StorageProvider.Postgres ? value : SqliteGuid(value);

    public object Value(Guid? value) => value is { } guid ? Value(guid) : DBNull.Value;

    public object Value(DateTime value) => Provider == StorageProvider.Postgres ? value : SqliteTime(value);

    public object Value(bool value) => Provider == StorageProvider.Postgres ? value : value ? 1 : 0;

    public static object Value(string? value) => value is null ? DBNull.Value : value;

    public static object Value(int? value) => value is { } number ? number : DBNull.Value;

    public Guid ReadGuid(DbDataReader reader, int column) =>
        Provider == StorageProvider.Postgres ? reader.GetGuid(column) : Guid.Parse(reader.GetString(column));

    public DateTime ReadTime(DbDataReader reader, int column) =>
        Provider == StorageProvider.Postgres
            ? DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc)
            : DateTime.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string SqliteGuid(Guid value) => value.ToString().ToUpperInvariant();

    public static string SqliteTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
