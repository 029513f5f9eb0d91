using System.Collections.Concurrent;
using Meridian.Dns.Names;

namespace Meridian.Dns.Server.Zones;

/// <summary>The zones this server answers for, by lowercase apex name. Readers take no lock and allocate
/// nothing: a lookup is a hash probe with a span key. Adding, replacing or removing one zone costs O(1) however
/// many zones are served (a reseller's host holds 100,000 or more), and each zone's snapshot is swapped whole,
/// so a query sees one version of a zone or the next, never a mix.</summary>
internal sealed class ZoneSet
{
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<byte[], ZoneSnapshot> _zones = new(WireNameComparer.Instance);
    private readonly ConcurrentDictionary<byte[], ZoneSnapshot>.AlternateLookup<ReadOnlySpan<byte>> _bySpan;

    // The longest apex served (in wire octets): the closest-encloser search skips suffixes longer than it.
    // It only grows; after a removal it may be larger than needed, which costs a probe or two, never an answer.
    private volatile int _deepestApexLength;

    public ZoneSet() => _bySpan = _zones.GetAlternateLookup<ReadOnlySpan<byte>>();

    public int Count => _zones.Count;

    /// <summary>The zones served now, in no particular order (a copy).</summary>
    public IReadOnlyList<ZoneSnapshot> Zones => [.. _zones.Values];

    /// <summary>Adds a zone, or replaces the zone of the same name atomically.</summary>
    public void Publish(ZoneSnapshot zone)
    {
        lock (_writeLock)
        {
            // The length first: a reader that finds the zone must also search deep enough to find it.
            if (zone.OriginLower.Length > _deepestApexLength) _deepestApexLength = zone.OriginLower.Length;
            _zones[zone.OriginLower] = zone;
        }
    }

    /// <summary>Adds or replaces many zones (a server starting with every zone of its database): the same as
    /// publishing each, without taking the write lock once per zone.</summary>
    public void PublishAll(IEnumerable<ZoneSnapshot> zones)
    {
        lock (_writeLock)
        {
            foreach (var zone in zones)
            {
                if (zone.OriginLower.Length > _deepestApexLength) _deepestApexLength = zone.OriginLower.Length;
                _zones[zone.OriginLower] = zone;
            }
        }
    }

    /// <summary>Replaces <paramref name="expected"/> by <paramref name="next"/> (the same zone) unless another
    /// version was published meanwhile; false then, and nothing changes.</summary>
    public bool Replace(ZoneSnapshot expected, ZoneSnapshot next)
    {
        lock (_writeLock)
        {
            if (!_zones.TryGetValue(expected.OriginLower, out var current) || current != expected) return false;
            _zones[expected.OriginLower] = next;
            return true;
        }
    }

    /// <summary>Stops answering for a zone; false when it was not served.</summary>
    public bool Remove(DnsName origin)
    {
        lock (_writeLock)
        {
            return _bySpan.TryRemove(origin.ToLower().Wire, out _, out _);
        }
    }

    public ZoneSnapshot? Find(DnsName origin) =>
        _bySpan.TryGetValue(origin.ToLower().Wire, out var zone) ? zone : null;

    /// <summary>The zone whose apex is the longest suffix of a lowercase wire name, or null.</summary>
    public ZoneSnapshot? FindClosestEnclosing(ReadOnlySpan<byte> lowercaseName)
    {
        int deepest = _deepestApexLength;
        if (deepest == 0) return null;
        // Try suffixes from the longest that could be an apex down to the root.
        int offset = 0;
        while (lowercaseName.Length - offset > deepest) offset += lowercaseName[offset] + 1;
        while (true)
        {
            if (_bySpan.TryGetValue(lowercaseName[offset..], out var zone)) return zone;
            if (lowercaseName[offset] == 0) return null;
            offset += lowercaseName[offset] + 1;
        }
    }

    /// <summary>Compares lowercase wire names by their octets, as arrays or as spans (so lookups need no array).</summary>
    private sealed class WireNameComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly WireNameComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(byte[] name) => (int)NameHash.Compute(name);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => (int)NameHash.Compute(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
