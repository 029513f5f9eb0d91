using Meridian.Dns.Names;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Publishing;

/// <summary>How a node brings a zone to what another node (or the CLI) committed: Following/ChangeFollower reads
/// the change feed in one database snapshot and calls <see cref="FollowAsync"/> for each zone it names.</summary>
internal sealed partial class ZonePublication
{
    /// <summary>The zones whose contents this node holds (served or not), for a follower that must check them all.</summary>
    public IReadOnlyCollection<Guid> HeldZoneIds => [.. _zones.Keys];

    /// <summary>Brings the zone to its state in <paramref name="snapshot"/> and publishes it, unless this node already
    /// holds that serial or a later one (its own write, committed after the snapshot): a node never goes back to an
    /// older serial. The caller holds the zone's lock.</summary>
    /// <param name="zone">The zone row in the snapshot; null when the zone no longer exists there.</param>
    /// <param name="changedNames">Every owner name the changes since the held serial touched, when the journal lists
    /// them; only those are read again. Null reads the whole zone.</param>
    public async Task<FollowOutcome> FollowAsync(MeridianDbContext snapshot, Guid zoneId, Zone? zone, IReadOnlyCollection<string>? changedNames,
        CancellationToken cancellationToken)
    {
        _zones.TryGetValue(zoneId, out var held);
        if (_deleted.ContainsKey(zoneId)) return FollowOutcome.Current;
        if (zone is null)
        {
            if (held is null) return FollowOutcome.Current;
            Remove(zoneId, held.Origin, held.Environment, held.Served);
            return FollowOutcome.Removed;
        }
        if (held is not null && !SerialNumbers.IsGreater((uint)zone.Serial, held.Serial)) return FollowOutcome.Current;
        if (held is null || changedNames is null || held.Environment != zone.Environment)
        {
            var loaded = await LoadAsync(snapshot, zone, cancellationToken);
            Publish(loaded, wasServed: held?.Served ?? false);
            return FollowOutcome.Reloaded;
        }

        // The held contents reflect the database at or after the follower's previous position, and every change since
        // touched only the names given: replacing those names' records gives the snapshot's contents exactly.
        try
        {
            foreach (string name in changedNames)
            {
                var owner = DnsName.Parse(name);
                foreach (var record in held.At(owner).ToArray()) held.Remove(record.Id);
            }
            var names = changedNames as ICollection<string> ?? [.. changedNames];
            await AddRecordsAsync(held, snapshot.Records.AsNoTracking().Where(r => r.ZoneId == zoneId && names.Contains(r.Name)), cancellationToken);
        }
        catch
        {
            // Half-replaced contents must not be used by the next write: read them again then.
            Evict(zoneId);
            throw;
        }
        bool wasServed = held.Served;
        held.Serial = (uint)zone.Serial;
        held.Served = IsServed(zone);
        Publish(held, wasServed);
        return FollowOutcome.Patched;
    }
}

/// <summary>What <see cref="ZonePublication.FollowAsync"/> did.</summary>
internal enum FollowOutcome
{
    /// <summary>The node already served the snapshot's serial or a later one.</summary>
    Current,

    /// <summary>The changed names were read again and published as a patch.</summary>
    Patched,

    /// <summary>The whole zone was read again and published.</summary>
    Reloaded,

    /// <summary>The zone is gone and no longer answered.</summary>
    Removed,
}
