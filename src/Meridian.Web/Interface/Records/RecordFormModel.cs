using System.Globalization;
using System.Text;
using Meridian.Platform.Model;
using Meridian.Platform.Records;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Interface.Records;

/// <summary>What the record form holds: the type-aware parts a person fills in (MX priority and mail server, SRV
/// priority/weight/port/target, CAA flags/tag/value, TXT text) and the GeoDNS locations. It only assembles them into
/// the platform's <see cref="RecordInput"/>; every rule and message about the record itself is the
/// <see cref="RecordService"/>'s, as for the APIs.</summary>
public sealed class RecordFormModel
{
    public const string Prefix = "record.";

    /// <summary>The record types the form offers, in the order of the type list.</summary>
    public static readonly IReadOnlyList<string> Types = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "PTR"];

    public string Type { get; set; } = "A";

    public string Name { get; set; } = "";

    public string Ttl { get; set; } = "3600";

    /// <summary>The value of the types without parts (A, AAAA, CNAME, NS, PTR), the MX mail server, or the TXT text.</summary>
    public string Value { get; set; } = "";

    public string Priority { get; set; } = "10";

    public string Weight { get; set; } = "0";

    public string Port { get; set; } = "";

    public string Target { get; set; } = "";

    public bool CaaCritical { get; set; }

    public string CaaTag { get; set; } = "issue";

    public string CaaValue { get; set; } = "";

    public List<string> CountryCodes { get; set; } = [];

    public static RecordFormModel FromForm(IFormCollection form)
    {
        string Field(string name) => form[Prefix + name].FirstOrDefault() ?? "";
        return new RecordFormModel
        {
            Type = Field("type").Trim().ToUpperInvariant(), Name = Field("name").Trim(), Ttl = Field("ttl").Trim(), Value = Field("value"),
            Priority = Field("priority").Trim(), Weight = Field("weight").Trim(), Port = Field("port").Trim(), Target = Field("target").Trim(),
            CaaCritical = Field("caa_critical") == "on", CaaTag = Field("caa_tag").Trim(), CaaValue = Field("caa_value"),
            CountryCodes = [.. form[Prefix + "country_codes"].Where(code => !string.IsNullOrWhiteSpace(code)).Select(code => code!.Trim())],
        };
    }

    /// <summary>The form filled with a stored record, names relative to the zone ("@" for the apex).</summary>
    public static RecordFormModel FromRecord(Record record, string zoneName)
    {
        var model = new RecordFormModel
        {
            Type = record.Type, Name = RecordDisplay.RelativeName(record.Name, zoneName), Ttl = record.Ttl.ToString(CultureInfo.InvariantCulture),
            CountryCodes = record.CountryCodes.Where(code => code != GeoTargetRules.Disabled).ToList(),
        };
        var (priority, rest) = RecordValueRules.SplitPriority(record.Type, record.Data);
        switch (record.Type)
        {
            case "MX":
                model.Priority = priority.ToString(CultureInfo.InvariantCulture);
                model.Value = rest;
                break;
            case "SRV":
                model.Priority = priority.ToString(CultureInfo.InvariantCulture);
                var parts = rest.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 3) (model.Weight, model.Port, model.Target) = (parts[0], parts[1], parts[2]);
                break;
            case "CAA":
                var caa = record.Data.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (caa.Length == 3)
                {
                    model.CaaCritical = caa[0] != "0";
                    model.CaaTag = caa[1];
                    model.CaaValue = Unquote(caa[2]);
                }
                break;
            default:
                model.Value = record.Data;
                break;
        }
        return model;
    }

    /// <summary>The platform input, or the problems of the parts only the form has (a number that is not one, an SRV
    /// part left empty), with the field names the page shows them under.</summary>
    public ServiceResult<RecordInput> ToInput()
    {
        var problems = new List<Problem>();
        long? ttl = Number(Ttl, "ttl", "TTL", problems);
        long? priority = null;
        string value = Value;
        switch (Type)
        {
            case "MX":
                priority = Number(Priority, "priority", "Priority", problems);
                break;
            case "SRV":
                priority = Number(Priority, "priority", "Priority", problems);
                long? weight = Number(Weight, "weight", "Weight", problems);
                long? port = Number(Port, "port", "Port", problems);
                if (Port.Length == 0) problems.Add(new Problem("port", "required", "port is required for an SRV record"));
                if (Target.Length == 0) problems.Add(new Problem("target", "required", "target is required for an SRV record"));
                value = string.Create(CultureInfo.InvariantCulture, $"{weight ?? 0} {port} {Target}");
                break;
            case "CAA":
                value = string.Create(CultureInfo.InvariantCulture, $"{(CaaCritical ? 128 : 0)} {CaaTag} {Quote(CaaValue)}");
                break;
        }
        if (problems.Count > 0) return ServiceError.Invalid(problems);
        return new RecordInput(Name, Type, value, ttl, priority, CountryCodes.Count == 0 ? null : CountryCodes);
    }

    private static long? Number(string text, string field, string label, List<Problem> problems)
    {
        if (text.Length == 0) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number)) return number;
        problems.Add(new Problem(field, "invalid", $"{label} must be a whole number"));
        return null;
    }

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c is '"' or '\\') quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    private static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"') return text;
        var plain = new StringBuilder();
        for (int i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length - 1) i++;
            plain.Append(text[i]);
        }
        return plain.ToString();
    }
}
