using System.Collections.Concurrent;
using System.Threading.Channels;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Zones;
using Meridian.Geo;
using Meridian.Platform.Model;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Meridian.Platform.Publishing;

/// <summary>Keeps each zone's committed contents in memory and hands them to the <see cref="IZonePublisher"/>
/// after every commit. Active zones are served: production zones by <see cref="IZonePublisher"/>, sandbox zones by
/// <see cref="SandboxZonePublisher"/> (a separate engine, since a sandbox zone may share its name with a
/// production one and an engine has one zone per name).</summary>
internal sealed partial class ZonePublication(IZonePublisher publisher, SandboxZonePublisher sandbox, ApexRecords apex, ILogger<ZonePublication> logger)
{
    private readonly ConcurrentDictionary<Guid, ZoneContents> _zones = new();

    // Zones deleted while this process runs (ids are never reused): a follower holding a database snapshot taken
    // before the deletion committed must not publish the zone again.
    private readonly ConcurrentDictionary<Guid, byte> _deleted = new();

    public static bool IsServed(Zone zone) => zone.Active;

    /// <summary>The zone's contents as committed at <paramref name="zone"/>'s serial: from memory when
    /// current, else read from the database (another node wrote, or this is the first write since start).</summary>
    /// <param name="db">The context to read the records with when they are not kept: asked for only then, since
    /// making one costs a write more than the rest of the lookup.</param>
    public async Task<ZoneContents> GetCurrentAsync(Func<MeridianDbContext> db, Zone zone, CancellationToken cancellationToken)
    {
        if (_zones.TryGetValue(zone.Id, out var contents) && contents.Serial == (uint)zone.Serial) return contents;
        contents = await LoadAsync(db(), zone, cancellationToken);
        _zones[zone.Id] = contents;
        return contents;
    }

    /// <summary>Forgets a zone's contents after a failed commit, so the next write reads them again.</summary>
    public void Evict(Guid zoneId) => _zones.TryRemove(zoneId, out _);

    /// <summary>Hands the committed contents to the engine (or withdraws a zone that stopped being served).</summary>
    public void Publish(ZoneContents contents, bool wasServed)
    {
        _zones[contents.ZoneId] = contents;
        var publisher = PublisherFor(contents.Environment);
        try
        {
            if (contents.Served)
            {
                if (!TryPublishChanges(contents))
                    publisher.PublishZone(contents.Origin, contents.Serial, contents.ToZoneRecords(apex.For(contents.Origin, contents.Serial)));
                contents.MarkPublished(contents.Serial);
            }
            else
            {
                if (wasServed) publisher.RemoveZone(contents.Origin);
                contents.MarkPublished(null);
            }
        }
        catch (Exception e) when (e is ZoneLoadException or ArgumentException or InvalidOperationException)
        {
            // The change is committed; other nodes and the next write publish it again. Say so loudly.
            contents.MarkPublished(null);
            LogPublishFailed(logger, contents.Origin.ToString(), contents.Serial, e);
        }
    }

    /// <summary>A write that touched a few names hands the engine just those names, so its cost does not
    /// grow with the zone; a large change (an import) or contents the engine may not be serving go whole.</summary>
    private IZonePublisher PublisherFor(ApiEnvironment environment) => environment == ApiEnvironment.Sandbox ? sandbox.Engine : publisher;

    private bool TryPublishChanges(ZoneContents contents)
    {
        if (contents.PublishedSerial is not uint previous || contents.ChangedOwners.Count > Math.Max(64, contents.Count / 8)) return false;
        return PublisherFor(contents.Environment).TryPublishChanges(contents.Origin, previous, contents.Serial, contents.ChangedNames(apex.For(contents.Origin, contents.Serial)));
    }

    /// <summary>Stops serving a deleted zone.</summary>
    public void Remove(Guid zoneId, DnsName origin, ApiEnvironment environment, bool wasServed)
    {
        _deleted.TryAdd(zoneId, 0);
        _zones.TryRemove(zoneId, out _);
        if (wasServed) PublisherFor(environment).RemoveZone(origin);
    }

    /// <summary>Publishes every active zone; run once at start, before answering. Every zone and record is read in one
    /// statement ordered by zone (a host with 100,000 small zones would otherwise make 100,000 round trips); the reader
    /// hands each finished zone to one worker per core, which parses its records, builds its snapshot and publishes it.</summary>
    public async Task<int> PublishAllAsync(PlatformDatabase database, CancellationToken cancellationToken)
    {
        // Parsing and building take most of the work and zones are independent: the reader stays ahead of the workers.
        var finished = Channel.CreateBounded<ActiveZone>(new BoundedChannelOptions(1024) { SingleWriter = true });
        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
            .Select(_ => Task.Run(() => PublishFromAsync(finished, cancellationToken), cancellationToken))
            .ToArray();
        int published = 0;
        try
        {
            await foreach (var zone in ActiveZoneRows.ReadAsync(database, cancellationToken))
            {
                await finished.Writer.WriteAsync(zone, cancellationToken);
                published++;
            }
        }
        finally
        {
            finished.Writer.TryComplete();
            await Task.WhenAll(workers);
        }
        return published;
    }

    private async Task PublishFromAsync(Channel<ActiveZone> zones, CancellationToken cancellationToken)
    {
        var reader = new RowReader();
        try
        {
            await foreach (var zone in zones.Reader.ReadAllAsync(cancellationToken))
            {
                var contents = new ZoneContents(zone.Id, DnsName.Parse(zone.Name), zone.Serial, served: true, zone.Environment);
                contents.EnsureRoomFor(zone.Records.Count);
                foreach (var row in zone.Records)
                    reader.Add(contents, row.Id, row.Name, row.Type, row.Ttl, row.Data, StoredRecord.ParseTargetsJson(row.CountryCodes), logger);
                PublishAtStart(contents);
            }
        }
        catch (Exception e)
        {
            // Stops the reader (its next write throws) and the other workers, rather than leaving the reader waiting
            // on a full channel for workers that are gone.
            zones.Writer.TryComplete(e);
            throw;
        }
    }

    // Every zone stays held after the start, small ones too: a node following the feed needs the zone it holds to
    // withdraw a zone deleted or deactivated elsewhere (ZonePublication.Following), and writes stay incremental.
    private void PublishAtStart(ZoneContents zone) => Publish(zone, wasServed: false);

    private static ZoneContents NewContents(Zone zone) =>
        new(zone.Id, DnsName.Parse(zone.Name), (uint)zone.Serial, IsServed(zone), zone.Environment);

    private async Task<ZoneContents> LoadAsync(MeridianDbContext db, Zone zone, CancellationToken cancellationToken)
    {
        var contents = NewContents(zone);
        await AddRecordsAsync(contents, db.Records.AsNoTracking().Where(r => r.ZoneId == zone.Id), cancellationToken);
        return contents;
    }

    /// <summary>Adds the stored <paramref name="records"/> to <paramref name="contents"/>; records that no longer parse
    /// are logged and left out.</summary>
    private async Task AddRecordsAsync(ZoneContents contents, IQueryable<Record> records, CancellationToken cancellationToken)
    {
        var rows = records
            .Select(r => new { r.Id, r.Name, r.Type, r.Ttl, r.Data, r.CountryCodes })
            .AsAsyncEnumerable();
        var reader = new RowReader();
        await foreach (var row in rows.WithCancellation(cancellationToken))
            reader.Add(contents, row.Id, row.Name, row.Type, row.Ttl, row.Data, StoredRecord.ParseTargets(row.CountryCodes), logger);
    }

    /// <summary>Turns stored rows into records; rows of one owner tend to come together, so it reuses the parsed name.</summary>
    private sealed class RowReader
    {
        private DnsName? _owner;
        private string? _ownerText;

        public void Add(ZoneContents contents, Guid id, string name, string typeName, int ttl, string data, GeoTargetSet targets, ILogger logger)
        {
            if (_owner is null || !string.Equals(_ownerText, name, StringComparison.Ordinal)) (_owner, _ownerText) = (DnsName.Parse(name), name);
            if (!DnsTypeNames.TryParse(typeName, out var type) || !RdataParsing.TryParseStored(type, data, out var wire))
            {
                LogUnreadableRecord(logger, id, contents.Origin.ToString(), typeName, data);
                return;
            }
            contents.Add(new StoredRecord(id, _owner, type, (uint)ttl, wire, targets));
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Zone {Zone} serial {Serial} is committed but could not be published")]
    private static partial void LogPublishFailed(ILogger logger, string zone, uint serial, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Record {RecordId} of {Zone} ({Type} {Data}) cannot be read and is not served")]
    private static partial void LogUnreadableRecord(ILogger logger, Guid recordId, string zone, string type, string data);
}
