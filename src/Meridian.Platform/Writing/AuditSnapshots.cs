using System.Text.Json;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Writing;

/// <summary>The JSON kept in audit events for a record or a zone.</summary>
internal static class AuditSnapshots
{
    public static string Of(Record record) => JsonSerializer.Serialize(new
    {
        id = record.Id,
        name = record.Name,
        type = record.Type,
        ttl = record.Ttl,
        data = record.Data,
        country_codes = record.CountryCodes,
    }, PlatformJson.Options);

    public static string Of(Zone zone) => JsonSerializer.Serialize(new
    {
        id = zone.Id,
        name = zone.Name,
        environment = ColumnConversions.EnvironmentToText(zone.Environment),
        active = zone.Active,
        serial = zone.Serial,
    }, PlatformJson.Options);

    public static string Of(object summary) => JsonSerializer.Serialize(summary, PlatformJson.Options);
}
