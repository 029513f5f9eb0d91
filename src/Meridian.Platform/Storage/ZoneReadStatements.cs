using System.Data.Common;
using Meridian.Platform.Model;

namespace Meridian.Platform.Storage;

/// <summary>The hand-written reads of the record listing, on connections of their own (no transaction):
/// the zone's owner and serial by primary key, and the zone's records in the order the API lists them.</summary>
internal static class ZoneReadStatements
{
    /// <summary>What a read needs to know about a zone before it lists anything: who may see it, and the
    /// serial that says whether a remembered listing is still current.</summary>
    public readonly record struct ZoneHead(Guid AccountId, ApiEnvironment Environment, long Serial, Guid? UserId, string Name);

    /// <summary>The zone's owner, environment and serial by primary key (see <see cref="ZoneHeadReader"/>).</summary>
    public const string HeadSql = "SELECT account_id, environment, serial, user_id, name FROM zones WHERE id = @id";

    public static async Task<List<Record>> ReadRecordsAsync(DbConnection connection, SqlDialect sql, Guid zoneId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            "SELECT id, name, type, ttl, data, country_codes, created_at, updated_at FROM records WHERE zone_id = @id ORDER BY name, type, id",
            sql.Value(zoneId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<Record>();
        // Most records of a zone share their country codes and many share times: convert each text once.
        string? codesText = null;
        string[] codes = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            string codesColumn = reader.GetString(5);
            if (!string.Equals(codesColumn, codesText, StringComparison.Ordinal)) (codesText, codes) = (codesColumn, ColumnConversions.ListFromJson(codesColumn));
            records.Add(new Record
            {
                Id = sql.ReadGuid(reader, 0),
                ZoneId = zoneId,
                Name = reader.GetString(1),
                Type = reader.GetString(2),
                Ttl = reader.GetInt32(3),
                Data = reader.GetString(4),
                CountryCodes = codes,
                CreatedAt = sql.ReadTime(reader, 6),
                UpdatedAt = sql.ReadTime(reader, 7),
            });
        }
        return records;
    }

    private static DbCommand Command(DbConnection connection, string text, object id)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return command;
    }
}
