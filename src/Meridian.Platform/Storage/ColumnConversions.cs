using System.Text.Json;
using Meridian.Platform.Model;

namespace Meridian.Platform.Storage;

/// <summary>How values without a column type of their own are stored: enums as lowercase words, lists as
/// JSON text, times as UTC. Methods, not lambdas, because EF keeps them in expression trees.</summary>
internal static class ColumnConversions
{
    public static string KindToText(AccountKind kind) => kind switch
    {
        AccountKind.Partner => "partner",
        AccountKind.Admin => "admin",
        _ => "client",
    };

    public static AccountKind KindFromText(string text) => text switch
    {
        "partner" => AccountKind.Partner,
        "admin" => AccountKind.Admin,
        _ => AccountKind.Client,
    };

    public static string EnvironmentToText(ApiEnvironment environment) =>
        environment == ApiEnvironment.Sandbox ? "sandbox" : "production";

    public static ApiEnvironment EnvironmentFromText(string text) =>
        text == "sandbox" ? ApiEnvironment.Sandbox : ApiEnvironment.Production;

    public static string ChangeKindToText(ZoneChangeKind kind) => kind switch
    {
        ZoneChangeKind.Created => "created",
        ZoneChangeKind.Deleted => "deleted",
        _ => "records_changed",
    };

    public static ZoneChangeKind ChangeKindFromText(string text) => text switch
    {
        "created" => ZoneChangeKind.Created,
        "deleted" => ZoneChangeKind.Deleted,
        _ => ZoneChangeKind.RecordsChanged,
    };

    public static string ListToJson(string[] values) => JsonSerializer.Serialize(values, PlatformJson.Options);

    public static string[] ListFromJson(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json, PlatformJson.Options) ?? [];

    public static bool ListsEqual(string[]? a, string[]? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));

    public static int ListHash(string[] values)
    {
        var hash = new HashCode();
        foreach (string value in values) hash.Add(value, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>SQLite hands times back without a kind; every time we store is UTC.</summary>
    public static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
