using System.Net;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Transfer;
using Meridian.Dns.Server.Tsig;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Transfer;

/// <summary>Who may transfer a zone and whom to notify of its changes: the global <see cref="TransferOptions"/>, each
/// list replaced by the zone's own when it has one. The per-zone settings are held in memory and read again like the
/// keys (<see cref="TsigKeyring"/>).</summary>
internal sealed class TransferAccessRule(PlatformDatabase database, TransferOptions options, TimeProvider clock) : ITransferAccess
{
    private readonly ZoneRule _global = ZoneRule.From(options.Allow, options.AllowTsig, options.Notify);
    private readonly RevalidatingSnapshot<Loaded> _snapshot = new(() => Load(database, options), options.RevalidateAfter, clock);

    private sealed record Loaded(Dictionary<DnsName, ZoneRule> Zones);

    /// <summary>One zone's effective lists, parsed.</summary>
    internal sealed record ZoneRule(IPNetwork[] Allow, HashSet<DnsName> AllowTsig, IPEndPoint[] Notify)
    {
        public static ZoneRule From(IEnumerable<string> allow, IEnumerable<string> allowTsig, IEnumerable<string> notify) => new(
            [.. allow.Select(a => TransferTargets.TryParseNetwork(a, out var n) ? (IPNetwork?)n : null).OfType<IPNetwork>()],
            [.. allowTsig.Select(k => DnsName.TryParseUserInput(k, out var n, out _) ? n.ToLower() : null).OfType<DnsName>()],
            [.. notify.Select(e => TransferTargets.TryParseEndpoint(e, out var p) ? p : null).OfType<IPEndPoint>()]);
    }

    public bool MayTransfer(DnsName zone, IPAddress source, TsigKey? key)
    {
        var rule = RuleFor(zone);
        if (key is not null && rule.AllowTsig.Contains(key.Name)) return true;
        if (source.IsIPv4MappedToIPv6) source = source.MapToIPv4();
        foreach (var network in rule.Allow)
            if (network.Contains(source)) return true;
        return false;
    }

    /// <summary>The secondaries to notify of a change of <paramref name="zone"/>.</summary>
    public IReadOnlyList<IPEndPoint> NotifyTargets(DnsName zone) => RuleFor(zone).Notify;

    public void Invalidate() => _snapshot.Invalidate();

    private ZoneRule RuleFor(DnsName zone) => Current().Zones.GetValueOrDefault(zone.ToLower()) ?? _global;

    private Loaded Current() => _snapshot.Current();

    private static Loaded Load(PlatformDatabase database, TransferOptions options)
    {
        using var db = database.CreateContext();
        var rows = db.ZoneTransferSettings.AsNoTracking()
            .Join(db.Zones.Where(z => z.Environment == ApiEnvironment.Production), s => s.ZoneId, z => z.Id, (s, z) => new { z.Name, Settings = s })
            .AsEnumerable();
        var zones = new Dictionary<DnsName, ZoneRule>();
        foreach (var row in rows)
        {
            var s = row.Settings;
            zones[DnsName.Parse(row.Name).ToLower()] = ZoneRule.From(s.Allow ?? [.. options.Allow], s.AllowTsig ?? [.. options.AllowTsig], s.Notify ?? [.. options.Notify]);
        }
        return new Loaded(zones);
    }
}
