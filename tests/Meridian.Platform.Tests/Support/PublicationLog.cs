using System.Collections.Concurrent;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Zones;
using Meridian.Platform.Publishing;

namespace Meridian.Platform.Tests.Support;

/// <summary>How a publication reached the engine.</summary>
public enum PublicationKind
{
    /// <summary>The whole zone, rebuilt.</summary>
    Whole,

    /// <summary>Only the changed names, patched into the served zone.</summary>
    Incremental,

    Removed,
}

/// <summary>One call that reached the engine, and the serial the engine served for the zone right after it (null: not served).</summary>
public sealed record Publication(string Origin, PublicationKind Kind, uint? ServedSerial);

/// <summary>Passes every call to the real publisher unchanged and notes it with the serial the engine then serves. The
/// engine counts nothing of the kind itself, and two facts are not visible to <c>dig</c> after the fact: whether a
/// write was patched in or rebuilt the zone, and whether the served serial ever went back in between.</summary>
public sealed class PublicationLog(IZonePublisher engine, DnsServer server) : IZonePublisher
{
    private readonly ConcurrentQueue<Publication> _entries = new();

    public void PublishZone(DnsName origin, uint serial, IReadOnlyCollection<ZoneRecord> records)
    {
        engine.PublishZone(origin, serial, records);
        Note(origin, PublicationKind.Whole);
    }

    /// <summary>Only an applied patch is noted: a refused one is followed by the platform's whole publication.</summary>
    public bool TryPublishChanges(DnsName origin, uint previousSerial, uint serial, IReadOnlyList<NameRecords> changes)
    {
        if (!engine.TryPublishChanges(origin, previousSerial, serial, changes)) return false;
        Note(origin, PublicationKind.Incremental);
        return true;
    }

    public void RemoveZone(DnsName origin)
    {
        engine.RemoveZone(origin);
        Note(origin, PublicationKind.Removed);
    }

    /// <summary>Every call so far, in the order they reached the engine.</summary>
    public IReadOnlyList<Publication> All => [.. _entries];

    /// <summary>The calls for one zone ("example.com."), in order.</summary>
    public IReadOnlyList<Publication> Of(string origin) => [.. _entries.Where(p => p.Origin == origin)];

    /// <summary>How many writes were patched into the served zone rather than rebuilding it.</summary>
    public int Incremental => _entries.Count(p => p.Kind == PublicationKind.Incremental);

    /// <summary>The serial the engine served for <paramref name="origin"/> after each publication of it, in order (removals left out).</summary>
    public IReadOnlyList<uint> ServedSerialsOf(string origin) =>
        [.. Of(origin).Where(p => p.Kind != PublicationKind.Removed).Select(p => p.ServedSerial!.Value)];

    private void Note(DnsName origin, PublicationKind kind) =>
        _entries.Enqueue(new Publication(origin.ToString(), kind, server.ServedSerial(origin)));
}
