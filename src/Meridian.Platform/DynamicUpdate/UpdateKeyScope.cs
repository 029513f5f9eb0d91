using Meridian.Dns.Names;
using Meridian.Dns.Server.Update;
using Meridian.Platform.Model;

namespace Meridian.Platform.DynamicUpdate;

/// <summary>What a TSIG key may change by UPDATE: the zones named in its <see cref="TsigKeyEntry.UpdateZones"/>
/// (exactly: a key for example.com may not change a child zone hosted separately) and, when it lists
/// <see cref="TsigKeyEntry.UpdateNames"/>, only those names (<c>*.name</c>: every name below it). The update section is
/// what is checked; prerequisites only read data the zone answers publicly anyway.</summary>
internal static class UpdateKeyScope
{
    public static bool MayUpdateZone(TsigKeyEntry key, DnsName zone) => key.UpdateZones.Any(z => DnsName.Parse(z).Equals(zone));

    public static bool MayChange(TsigKeyEntry key, UpdateMessage update)
    {
        if (!MayUpdateZone(key, update.Zone)) return false;
        if (key.UpdateNames.Length == 0) return true;
        var allowed = key.UpdateNames.Select(Parse).ToArray();
        return update.Updates.All(record => allowed.Any(scope => scope.Subtree
            ? record.Owner.IsSubdomainOf(scope.Name) && !record.Owner.Equals(scope.Name)
            : record.Owner.Equals(scope.Name)));
    }

    private static (DnsName Name, bool Subtree) Parse(string scope) =>
        scope.StartsWith("*.", StringComparison.Ordinal) ? (DnsName.Parse(scope[2..]), true) : (DnsName.Parse(scope), false);
}
