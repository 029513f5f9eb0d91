using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Notify;
using Meridian.Dns.Server.Zones;
using Meridian.Platform.Publishing;

namespace Meridian.Platform.Transfer;

/// <summary>Publishes as the inner publisher does, then tells the zone's secondaries (global <c>Transfer:Notify</c> or
/// the zone's own list) that it changed. NOTIFY goes out in the background; publishing never waits for it.</summary>
public sealed class NotifyingZonePublisher : IZonePublisher
{
    private readonly IZonePublisher _inner;
    private readonly NotifySender _notify;
    private readonly TransferAccessRule _targets;

    internal NotifyingZonePublisher(IZonePublisher inner, NotifySender notify, TransferAccessRule targets)
    {
        _inner = inner;
        _notify = notify;
        _targets = targets;
    }

    public void PublishZone(DnsName origin, uint serial, IReadOnlyCollection<ZoneRecord> records)
    {
        _inner.PublishZone(origin, serial, records);
        Announce(origin, serial, records);
    }

    public bool TryPublishChanges(DnsName origin, uint previousSerial, uint serial, IReadOnlyList<NameRecords> changes)
    {
        if (!_inner.TryPublishChanges(origin, previousSerial, serial, changes)) return false;
        // The apex is among the changed names whenever the serial moves (its SOA carries it).
        Announce(origin, serial, changes.FirstOrDefault(n => n.Owner == origin)?.Records ?? []);
        return true;
    }

    public void RemoveZone(DnsName origin) => _inner.RemoveZone(origin);

    /// <param name="published">Records just published, the apex SOA among them; searched only when there is a secondary.</param>
    private void Announce(DnsName origin, uint serial, IEnumerable<ZoneRecord> published)
    {
        var targets = _targets.NotifyTargets(origin);
        if (targets.Count > 0) _notify.ZoneChanged(origin, serial, targets, ApexSoa(origin, published));
    }

    /// <summary>The SOA published for the zone's apex, for the NOTIFY's answer section.</summary>
    private static ZoneRecord? ApexSoa(DnsName origin, IEnumerable<ZoneRecord> records)
    {
        foreach (var record in records)
            if (record.Type == DnsType.SOA && record.Owner == origin) return record;
        return null;
    }
}
