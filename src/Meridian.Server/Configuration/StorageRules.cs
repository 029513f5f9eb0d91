using Meridian.Platform.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meridian.Server.Configuration;

/// <summary>The "Storage" section's rules beyond its annotations: connection strings that parse.</summary>
internal static class StorageRules
{
    public static IEnumerable<string> Problems(StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Postgres)
        {
            string? error = null;
            try
            {
                _ = new NpgsqlConnectionStringBuilder(storage.Postgres);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                error = e.Message;
            }
            if (error is not null) yield return $"Meridian:Database (Storage:Postgres): not a PostgreSQL connection string ({error})";
            yield break;
        }
        string? sqliteError = null;
        try
        {
            var builder = new SqliteConnectionStringBuilder(storage.Sqlite);
            if (string.IsNullOrWhiteSpace(builder.DataSource)) sqliteError = "it names no Data Source";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            sqliteError = e.Message;
        }
        if (sqliteError is not null) yield return $"Storage:Sqlite: not a SQLite connection string ({sqliteError})";
    }
}
