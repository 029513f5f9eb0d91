using Meridian.Dns.Names;

namespace Meridian.Dns.Server.Zones;

/// <summary>The zones this server answers for. Readers take no lock: they read one immutable index;
/// a writer builds the next index and publishes it with a single reference swap.</summary>
internal sealed class ZoneSet
{
    private readonly Lock _writeLock = new();
    private volatile ZoneIndex _index = ZoneIndex.Empty;

    /// <summary>An immutable view: a table of apex names and the snapshot for each.</summary>
    private sealed class ZoneIndex
    {
        public static readonly ZoneIndex Empty = new([]);

        /// <summary>The same names with one zone's snapshot replaced: the table and depth carry over.</summary>
        private ZoneIndex(ZoneSnapshot[] zones, NameTable table, int deepestApexLength)
        {
            Zones = zones;
            Table = table;
            DeepestApexLength = deepestApexLength;
        }

        public ZoneIndex With(int position, ZoneSnapshot zone)
        {
            var zones = (ZoneSnapshot[])Zones.Clone();
            zones[position] = zone;
            return new ZoneIndex(zones, Table, DeepestApexLength);
        }

        public ZoneIndex(ZoneSnapshot[] zones)
        {
            Zones = zones;
            var arena = new List<byte>();
            var offsets = new int[zones.Length];
            for (int i = 0; i < zones.Length; i++)
            {
                offsets[i] = arena.Count;
                arena.AddRange(zones[i].OriginLower);
            }
            Table = new NameTable(arena.ToArray(), offsets, zones.Length);
            int deepest = 0;
            foreach (var zone in zones) deepest = Math.Max(deepest, zone.OriginLower.Length);
            DeepestApexLength = deepest;
        }

        public ZoneSnapshot[] Zones { get; }

        public NameTable Table { get; }

        public int DeepestApexLength { get; }
    }

    public int Count => _index.Zones.Length;

    public IReadOnlyList<ZoneSnapshot> Zones => _index.Zones;

    /// <summary>Adds a zone, or replaces the zone of the same name atomically.</summary>
    public void Publish(ZoneSnapshot zone)
    {
        lock (_writeLock)
        {
            var current = _index;
            int existing = current.Table.Find(zone.OriginLower);
            if (existing >= 0)
            {
                _index = current.With(existing, zone);
            }
            else
            {
                _index = new ZoneIndex([.. current.Zones, zone]);
            }
        }
    }

    /// <summary>Replaces <paramref name="expected"/> by <paramref name="next"/> (the same zone) unless another
    /// version was published meanwhile; false then, and nothing changes.</summary>
    public bool Replace(ZoneSnapshot expected, ZoneSnapshot next)
    {
        lock (_writeLock)
        {
            var current = _index;
            int existing = current.Table.Find(expected.OriginLower);
            if (existing < 0 || current.Zones[existing] != expected) return false;
            _index = current.With(existing, next);
            return true;
        }
    }

    /// <summary>Stops answering for a zone; false when it was not served.</summary>
    public bool Remove(DnsName origin)
    {
        var key = origin.ToLower().Wire;
        lock (_writeLock)
        {
            var current = _index;
            int existing = current.Table.Find(key);
            if (existing < 0) return false;
            _index = new ZoneIndex([.. current.Zones.Where((_, i) => i != existing)]);
            return true;
        }
    }

    public ZoneSnapshot? Find(DnsName origin)
    {
        var index = _index;
        int i = index.Table.Find(origin.ToLower().Wire);
        return i < 0 ? null : index.Zones[i];
    }

    /// <summary>The zone whose apex is the longest suffix of a lowercase wire name, or null.</summary>
    public ZoneSnapshot? FindClosestEnclosing(ReadOnlySpan<byte> lowercaseName)
    {
        var index = _index;
        if (index.Zones.Length == 0) return null;
        // Try suffixes from the longest that could be an apex down to the root.
        int offset = 0;
        while (lowercaseName.Length - offset > index.DeepestApexLength) offset += lowercaseName[offset] + 1;
        while (true)
        {
            int zone = index.Table.Find(lowercaseName[offset..]);
            if (zone >= 0) return index.Zones[zone];
            if (lowercaseName[offset] == 0) return null;
            offset += lowercaseName[offset] + 1;
        }
    }
}
