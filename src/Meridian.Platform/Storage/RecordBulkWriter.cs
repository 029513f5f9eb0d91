using System.Globalization;
using Meridian.Platform.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Meridian.Platform.Storage;

/// <summary>Inserts many records inside the current write transaction, faster than change tracking can:
/// one prepared statement reused per row on SQLite, binary COPY on PostgreSQL. Values are written in the
/// forms EF Core writes them (SQLite: upper-case GUID text, "yyyy-MM-dd HH:mm:ss.FFFFFFF" times).</summary>
internal static class RecordBulkWriter
{
    public static async Task InsertAsync(WriteTransaction transaction, IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        var connection = transaction.Db.Database.GetDbConnection();
        var dbTransaction = transaction.Db.Database.CurrentTransaction!.GetDbTransaction();
        if (transaction.Provider == StorageProvider.Postgres)
            await CopyAsync((NpgsqlConnection)connection, records, cancellationToken);
        else
            InsertSqlite((SqliteConnection)connection, (SqliteTransaction)dbTransaction, records);
    }

    private static void InsertSqlite(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Record> records)
    {
        // One row per statement: Microsoft.Data.Sqlite finds each parameter by name on every execution,
        // so statements with many rows' parameters were measured slower, not faster.
        using var command = Prepare(connection, transaction, 1);
        string? lastCodesSource = null;
        string lastCodes = "";
        var texts = new SqliteTexts();
        foreach (var record in records)
        {
            Bind(command, 0, record, texts, ref lastCodesSource, ref lastCodes);
            command.ExecuteNonQuery();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new System.Text.StringBuilder("INSERT INTO records (id, zone_id, name, type, ttl, data, country_codes, created_at, updated_at) VALUES ");
        for (int row = 0; row < rows; row++)
        {
            if (row > 0) sql.Append(',');
            sql.Append('(');
            for (int column = 0; column < Columns; column++)
            {
                if (column > 0) sql.Append(',');
                string name = string.Create(CultureInfo.InvariantCulture, $"$p{row * Columns + column}");
                sql.Append(name);
                command.Parameters.Add(name, column == 4 ? SqliteType.Integer : SqliteType.Text);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private const int Columns = 9;

    private static void Bind(SqliteCommand command, int row, Record record, SqliteTexts texts, ref string? lastCodesSource, ref string lastCodes)
    {
        // Imports share one country-code list and one time; convert them once.
        string joined = string.Join('\n', record.CountryCodes);
        if (!string.Equals(joined, lastCodesSource, StringComparison.Ordinal))
        {
            lastCodesSource = joined;
            lastCodes = ColumnConversions.ListToJson(record.CountryCodes);
        }
        var parameters = command.Parameters;
        int first = row * Columns;
        parameters[first].Value = SqlDialect.SqliteGuid(record.Id);
        parameters[first + 1].Value = texts.GuidText(record.ZoneId);
        parameters[first + 2].Value = record.Name;
        parameters[first + 3].Value = record.Type;
        parameters[first + 4].Value = record.Ttl;
        parameters[first + 5].Value = record.Data;
        parameters[first + 6].Value = lastCodes;
        parameters[first + 7].Value = texts.TimeText(record.CreatedAt);
        parameters[first + 8].Value = texts.TimeText(record.UpdatedAt);
    }

    /// <summary>The last GUID and time converted to SQLite text, reused while they repeat.</summary>
    private sealed class SqliteTexts
    {
        private Guid _guid;
        private string _guidText = SqlDialect.SqliteGuid(Guid.Empty);
        private DateTime _time;
        private string _timeText = SqlDialect.SqliteTime(default);

        public string GuidText(Guid value)
        {
            if (value != _guid) (_guid, _guidText) = (value, SqlDialect.SqliteGuid(value));
            return _guidText;
        }

        public string TimeText(DateTime value)
        {
            if (value != _time) (_time, _timeText) = (value, SqlDialect.SqliteTime(value));
            return _timeText;
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY records (id, zone_id, name, type, ttl, data, country_codes, created_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var record in records)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(record.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(record.ZoneId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(record.Name, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(record.Type, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(record.Ttl, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(record.Data, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(ColumnConversions.ListToJson(record.CountryCodes), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(record.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(record.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
