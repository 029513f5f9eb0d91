using System.Globalization;
using Meridian.Platform.Model;

namespace Meridian.Api.Tests.Support;

/// <summary>Everything about zones and records the database holds, as sorted lines, so that two snapshots
/// compare with a readable difference.</summary>
public sealed record StoreSnapshot(IReadOnlyList<string> Lines)
{
    public static StoreSnapshot Of(IEnumerable<Zone> zones, IEnumerable<Meridian.Platform.Model.Record> records, int accounts, int zoneChanges)
    {
        var lines = new List<string>
        {
            $"accounts {accounts}",
            $"zone changes {zoneChanges}",
        };
        lines.AddRange(zones.Select(z => string.Create(CultureInfo.InvariantCulture,
            $"zone {z.Id} {z.AccountId} {z.Name} {z.Environment} active={z.Active} serial={z.Serial} updated={z.UpdatedAt:O}")).Order(StringComparer.Ordinal));
        lines.AddRange(records.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"record {r.Id} {r.ZoneId} {r.Name} {r.Ttl} {r.Type} {r.Data} [{string.Join(',', r.CountryCodes)}] updated={r.UpdatedAt:O}")).Order(StringComparer.Ordinal));
        return new StoreSnapshot(lines);
    }

    public int RecordCount => Lines.Count(l => l.StartsWith("record ", StringComparison.Ordinal));
}
