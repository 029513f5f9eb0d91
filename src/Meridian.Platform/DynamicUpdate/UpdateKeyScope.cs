using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Update;
using Meridian.Platform.Model;

namespace Meridian.Platform.DynamicUpdate;

/// <summary>What a TSIG key may change by UPDATE: the zones named in its <see cref="TsigKeyEntry.UpdateZones"/>
/// (exactly: a key for example.com may not change a child zone hosted separately) and, when it lists
/// <see cref="TsigKeyEntry.UpdateNames"/>, only those names (<c>*.name</c>: every name below it), and when it lists
/// <see cref="TsigKeyEntry.UpdateTypes"/>, only records of those types (so an ACME client's key touches only the TXT
/// records of <c>_acme-challenge</c>; it cannot delete a whole name, which would reach other types). The update section is
/// what is checked; prerequisites only read data the zone answers publicly anyway.</summary>
internal static class UpdateKeyScope
{
    public static bool MayUpdateZone(TsigKeyEntry key, DnsName zone) => key.UpdateZones.Any(z => DnsName.Parse(z).Equals(zone));

    public static bool MayChange(TsigKeyEntry key, UpdateMessage update)
    {
        if (!MayUpdateZone(key, update.Zone)) return false;
        if (key.UpdateTypes.Length > 0 && !update.Updates.All(record => key.UpdateTypes.Contains(DnsTypeNames.ToName(record.Type), StringComparer.Ordinal)))
            return false;
        if (key.UpdateNames.Length == 0) return true;
        var allowed = key.UpdateNames.Select(Parse).ToArray();
        return update.Updates.All(record => allowed.Any(scope => scope.Subtree
            ? record.Owner.IsSubdomainOf(scope.Name) && !record.Owner.Equals(scope.Name)
            : record.Owner.Equals(scope.Name)));
    }

    private static (DnsName Name, bool Subtree) Parse(string scope) =>
        scope.StartsWith("*.", StringComparison.Ordinal) ? (DnsName.Parse(scope[2..]), true) : (DnsName.Parse(scope), false);
}
