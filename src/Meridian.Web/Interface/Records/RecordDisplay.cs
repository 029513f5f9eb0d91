using Meridian.Platform.Model;
using Meridian.Platform.Records;

namespace Meridian.Web.Interface.Records;

/// <summary>How records read in the interface: names relative to the domain, locations in words.</summary>
public static class RecordDisplay
{
    /// <summary>"www.example.com." in "example.com." is "www"; the apex is "@".</summary>
    public static string RelativeName(string owner, string zoneName)
    {
        if (string.Equals(owner, zoneName, StringComparison.OrdinalIgnoreCase)) return "@";
        return owner.EndsWith("." + zoneName, StringComparison.OrdinalIgnoreCase) ? owner[..^(zoneName.Length + 1)] : owner;
    }

    /// <summary>The domain as people write it: no final dot.</summary>
    public static string DomainName(string zoneName) => zoneName.TrimEnd('.');

    /// <summary>"Everywhere", or the targets ("EU, country:AS, US").</summary>
    public static string Locations(Record record) =>
        record.CountryCodes.Length == 0 || record.CountryCodes is [GeoTargetRules.Disabled] ? "Everywhere" : string.Join(", ", record.CountryCodes);

    /// <summary>"www A 192.0.2.1", for messages about one record.</summary>
    public static string Describe(Record record, string zoneName) => $"{RelativeName(record.Name, zoneName)} {record.Type} {record.Data}";
}
