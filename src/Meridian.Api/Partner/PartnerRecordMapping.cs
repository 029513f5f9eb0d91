using System.Globalization;
using Meridian.Platform.Model;
using Meridian.Platform.Records;
using Meridian.Platform.Services;

namespace Meridian.Api.Partner;

/// <summary>The Partner API's record shape over the platform's: names relative to the domain (<c>@</c> for the
/// apex), <c>content</c> as another name for <c>value</c>, MX priority apart from the host, and SRV as
/// <c>priority</c>, <c>weight</c>, <c>port</c>, <c>target</c> (or a whole <c>value</c>).</summary>
internal static class PartnerRecordMapping
{
    /// <summary>The platform input for a request's fields; <paramref name="current"/> is the record a PATCH changes,
    /// whose SRV parts fill in the ones the request leaves out.</summary>
    public static ServiceResult<RecordInput> ToInput(IPartnerRecordFields fields, Record? current = null)
    {
        if (fields.Value is not null && fields.Content is not null && fields.Value != fields.Content)
            return ServiceError.Validation("Send value or content, not both with different values", "content", "conflicting_fields");
        string? value = fields.Value ?? fields.Content;
        string? type = fields.Type ?? current?.Type;
        bool srv = string.Equals(type, "SRV", StringComparison.OrdinalIgnoreCase);
        if (!srv && (fields.Weight is not null || fields.Port is not null || fields.Target is not null))
        {
            return ServiceError.Validation("weight, port and target apply only to SRV records", fields.Target is not null ? "target" : fields.Port is not null ? "port" : "weight",
                "not_applicable");
        }
        if (srv && value is null && (fields.Weight is not null || fields.Port is not null || fields.Target is not null))
        {
            var (weight, port, target) = current is not null && current.Type == "SRV" ? SrvParts(current.Data) : (0, (int?)null, null);
            long? newPort = fields.Port ?? port;
            string? newTarget = fields.Target ?? target;
            var problems = new List<Problem>();
            if (newPort is null) problems.Add(new Problem("port", "required", "port is required for an SRV record"));
            if (string.IsNullOrWhiteSpace(newTarget)) problems.Add(new Problem("target", "required", "target is required for an SRV record"));
            if (problems.Count > 0) return ServiceError.Invalid(problems);
            value = string.Create(CultureInfo.InvariantCulture, $"{fields.Weight ?? weight} {newPort} {newTarget}");
        }
        return new RecordInput(fields.Name, fields.Type, value, fields.Ttl, fields.Priority);
    }

    public static PartnerRecord ToResponse(Record record, string zoneName)
    {
        string name = RelativeName(record.Name, zoneName);
        var (priority, value) = RecordValueRules.SplitPriority(record.Type, record.Data);
        return record.Type switch
        {
            "MX" => new PartnerRecord(record.Id.ToString(), record.Type, name, value, record.Ttl, priority),
            "SRV" when SrvParts(record.Data) is var (weight, port, target) =>
                new PartnerRecord(record.Id.ToString(), record.Type, name, value, record.Ttl, priority, weight, port, target),
            _ => new PartnerRecord(record.Id.ToString(), record.Type, name, record.Data, record.Ttl),
        };
    }

    /// <summary>"www.example.com." in "example.com." is "www"; the apex is "@".</summary>
    public static string RelativeName(string owner, string zoneName)
    {
        if (string.Equals(owner, zoneName, StringComparison.OrdinalIgnoreCase)) return "@";
        return owner.EndsWith("." + zoneName, StringComparison.OrdinalIgnoreCase) ? owner[..^(zoneName.Length + 1)] : owner;
    }

    /// <summary>The domain name as partners write it: no final dot.</summary>
    public static string DomainName(string zoneName) => zoneName.TrimEnd('.');

    // Stored SRV data is "PRIORITY WEIGHT PORT TARGET".
    private static (int Weight, int? Port, string? Target) SrvParts(string data)
    {
        var parts = data.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 4 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int weight) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out int port)
            ? (weight, port, parts[3])
            : (0, null, null);
    }
}
