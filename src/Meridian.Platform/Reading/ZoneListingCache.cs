using System.Collections.Concurrent;

namespace Meridian.Platform.Reading;

/// <summary>The last listing read of each zone, kept while its serial stands. Every read still asks the
/// database for the zone's serial (one primary-key lookup) and uses the listing only when it matches, so a
/// change committed by any process or node is never served stale. Large zones are read through, and the
/// whole cache starts over when it holds too many records: it bounds memory, it is not a store.</summary>
internal sealed class ZoneListingCache
{
    /// <summary>Zones with more records are not kept (a listing that large costs more to send than to read).</summary>
    public const int MaxRecordsPerZone = 20_000;

    /// <summary>Records kept across all zones before the cache starts over.</summary>
    public const int MaxRecords = 500_000;

    private readonly ConcurrentDictionary<Guid, ZoneRecordListing> _byZone = new();
    private int _records;

    public ZoneRecordListing? Find(Guid zoneId, long serial) =>
        _byZone.TryGetValue(zoneId, out var listing) && listing.Serial == serial ? listing : null;

    public void Keep(ZoneRecordListing listing)
    {
        int count = listing.Records.Count;
        if (count > MaxRecordsPerZone) return;
        if (Interlocked.Add(ref _records, count) > MaxRecords)
        {
            _byZone.Clear();
            Interlocked.Exchange(ref _records, count);
        }
        // The count drifts upward as zones are replaced; the next start-over resets it.
        _byZone[listing.ZoneId] = listing;
    }

    /// <summary>Forgets a zone (deleted here; a stale serial would not match anyway).</summary>
    public void Forget(Guid zoneId) => _byZone.TryRemove(zoneId, out _);
}
