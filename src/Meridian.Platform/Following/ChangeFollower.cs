using System.Data;
using System.Text.Json;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Platform.Following;

/// <summary>Keeps this node's DNS answers and API-key cache up to date with changes committed anywhere (other nodes,
/// the CLI): reads the change feed past its position, in one database snapshot together with the zones and records
/// the new entries name, and patches just those zones. Woken by <see cref="Wake"/> (PostgreSQL's NOTIFY) or every
/// <see cref="FollowingOptions.PollInterval"/>. While the database is unreachable it keeps retrying and the node
/// answers from memory; it catches up when the database returns.</summary>
public sealed partial class ChangeFollower : IDisposable
{
    /// <summary>More names than this in one zone's new entries: the zone is read whole instead.</summary>
    private const int MaxNamesPerPatch = 1000;

    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly PlatformDatabase _database;
    private readonly ZonePublication _publication;
    private readonly ZoneLocks _locks;
    private readonly ApiKeyCache _keys;
    private readonly TimeProvider _clock;
    private readonly FollowingOptions _options;
    private readonly ILogger<ChangeFollower> _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly FollowingMetrics _metrics;
    private long _position = -1;
    private long _caughtUpTicks;
    private long _reloads;
    private int _failuresSinceLog;
    private DateTime _lastFailureLog;

    internal ChangeFollower(PlatformDatabase database, ZonePublication publication, ZoneLocks locks, ApiKeyCache keys, TimeProvider clock,
        IOptions<FollowingOptions> options, ILogger<ChangeFollower> logger)
    {
        _database = database;
        _publication = publication;
        _locks = locks;
        _keys = keys;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _metrics = new FollowingMetrics(() => Interlocked.Read(ref _position), SecondsSinceCaughtUp, () => Interlocked.Read(ref _reloads));
    }

    /// <summary>The last feed position applied; -1 before <see cref="StartFrom"/>.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>How many times this node reloaded every zone because entries it had not read were pruned.</summary>
    public long Reloads => Interlocked.Read(ref _reloads);

    /// <summary>When this node last had every change committed (the start of its last successful read); null before.</summary>
    public DateTime? CaughtUpAt => Interlocked.Read(ref _caughtUpTicks) is var ticks and > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>The feed's last position now (0 when empty). Read it before loading the zones at start: entries after it
    /// are applied again, which is harmless (a zone at their serial or later is left alone).</summary>
    public async Task<long> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.ChangeFeed.MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
    }

    /// <summary>Starts following after <paramref name="position"/>, read at <paramref name="readAt"/> before the zones were loaded.</summary>
    public void StartFrom(long position, DateTime readAt)
    {
        Interlocked.Exchange(ref _position, position);
        MarkCaughtUp(readAt);
    }

    /// <summary>Asks for a read of the feed now (a NOTIFY arrived).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already woken
        }
    }

    /// <summary>Follows until <paramref name="stopping"/>; failures are logged (once per 10 s) and retried.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (Position < 0) throw new InvalidOperationException("StartFrom must be called once the zones are loaded");
        _keys.FollowFeed(_options.KeyTrustWindow);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_options.PollInterval, stopping);
                await CatchUpAsync(stopping);
                ReportRecovery();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsOutage(e))
            {
                _metrics.Failed();
                ReportFailure(e);
            }
        }
    }

    /// <summary>Applies every entry committed since the last read; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        long position = Position;
        var startedAt = _clock.Now();
        if (!await AnyAfterAsync(position, cancellationToken))
        {
            MarkCaughtUp(startedAt);
            return 0;
        }

        await using var db = _database.CreateContext();
        await using var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        var entries = await db.ChangeFeed.AsNoTracking().Where(e => e.Position > position).OrderBy(e => e.Position).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            MarkCaughtUp(startedAt);
            return 0;
        }

        if (await PrunedPastAsync(db, position, entries[0].Position, cancellationToken) is { } oldest)
        {
            // Entries this node never read were pruned (it stopped, or could not reach the database, for longer than
            // the retention): what they said is lost, so everything they could have changed is read again.
            LogPrunedPast(_logger, position, oldest);
            await ReloadEverythingAsync(db, cancellationToken);
            Finish(entries, startedAt);
            return entries.Count;
        }

        // Keys first: a revocation is the most urgent thing a node can learn.
        var keyIds = entries.Where(e => e.Kind == ChangeFeedKinds.ApiKey && e.KeyId is not null).Select(e => e.KeyId!).ToList();
        if (keyIds.Count > 0) _keys.Invalidate(keyIds);

        var byZone = entries.Where(e => e.Kind == ChangeFeedKinds.Zone && e.ZoneId is not null).GroupBy(e => e.ZoneId!.Value).ToList();
        if (byZone.Count > 0) await FollowZonesAsync(db, byZone, cancellationToken);

        Finish(entries, startedAt);
        return entries.Count;
    }

    private void Finish(List<ChangeFeedEntry> entries, DateTime startedAt)
    {
        var now = _clock.Now();
        foreach (var entry in entries) _metrics.Delay(now - entry.At);
        _metrics.Applied(entries.Count);
        Interlocked.Exchange(ref _position, entries[^1].Position);
        MarkCaughtUp(startedAt);
    }

    /// <summary>The feed's oldest position, when entries after <paramref name="position"/> may have been pruned before
    /// this node read them; else null. The pruner deletes only whole prefixes of the feed (ChangeFeedPruner), so when
    /// the oldest entry left is at most one past the position, nothing this node needs is gone. A gap that a
    /// transaction rolled back on PostgreSQL can look the same when the entry at the position was pruned too; the
    /// cost of that rare case is one needless reload, never a missed change. Read in the catch-up's snapshot.</summary>
    private static async Task<long?> PrunedPastAsync(MeridianDbContext db, long position, long firstAfter, CancellationToken cancellationToken)
    {
        if (firstAfter == position + 1) return null;
        long oldest = await db.ChangeFeed.MinAsync(e => (long?)e.Position, cancellationToken) ?? firstAfter;
        return oldest > position + 1 ? oldest : null;
    }

    /// <summary>After pruned entries: forgets every cached key and brings every zone to the snapshot, reading the
    /// records of only the zones whose serial moved (every change raises it) and withdrawing zones gone or deactivated.</summary>
    private async Task ReloadEverythingAsync(MeridianDbContext db, CancellationToken cancellationToken)
    {
        _keys.InvalidateAll();
        var stored = await db.Zones.AsNoTracking().ToDictionaryAsync(z => z.Id, cancellationToken);
        // Zones that stop being served go first: one deleted and made again under the same name has a new id, and
        // withdrawing the old one (by name) after publishing the new one would withdraw the new one.
        var zoneIds = _publication.HeldZoneIds.Where(id => !stored.TryGetValue(id, out var zone) || !ZonePublication.IsServed(zone))
            .Concat(stored.Values.Where(ZonePublication.IsServed).Select(z => z.Id)).ToList();
        int changed = 0;
        foreach (var zoneId in zoneIds)
        {
            using var zoneLock = await _locks.AcquireAsync(zoneId, cancellationToken);
            var outcome = await _publication.FollowAsync(db, zoneId, stored.GetValueOrDefault(zoneId), changedNames: null, cancellationToken);
            if (outcome != FollowOutcome.Current) changed++;
        }
        Interlocked.Increment(ref _reloads);
        LogReloaded(_logger, zoneIds.Count, changed);
    }

    private async Task FollowZonesAsync(MeridianDbContext db, List<IGrouping<Guid, ChangeFeedEntry>> byZone, CancellationToken cancellationToken)
    {
        var zoneIds = byZone.Select(g => g.Key).ToList();
        var zones = await db.Zones.AsNoTracking().Where(z => zoneIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, cancellationToken);
        var names = await ChangedNamesAsync(db, byZone, cancellationToken);
        foreach (var group in byZone)
        {
            using var zoneLock = await _locks.AcquireAsync(group.Key, cancellationToken);
            var outcome = await _publication.FollowAsync(db, group.Key, zones.GetValueOrDefault(group.Key), names.GetValueOrDefault(group.Key), cancellationToken);
            if (outcome != FollowOutcome.Current) LogFollowed(_logger, group.Key, outcome, zones.GetValueOrDefault(group.Key)?.Serial);
        }
    }

    /// <summary>For each zone whose new entries' journal lists every record set they changed: the owner names
    /// touched. A zone is left out (read whole) when an entry has no such list (creation, a large change, deletion)
    /// or the names are many.</summary>
    private static async Task<Dictionary<Guid, IReadOnlyCollection<string>>> ChangedNamesAsync(MeridianDbContext db,
        List<IGrouping<Guid, ChangeFeedEntry>> byZone, CancellationToken cancellationToken)
    {
        var wanted = byZone.Where(g => g.Count() <= MaxNamesPerPatch).SelectMany(g => g.Select(e => (Zone: g.Key, Serial: e.Serial ?? -1))).ToHashSet();
        var zoneIds = wanted.Select(w => w.Zone).Distinct().ToList();
        var serials = wanted.Select(w => w.Serial).Distinct().ToList();
        var journal = await db.ZoneChanges.AsNoTracking()
            .Where(c => zoneIds.Contains(c.ZoneId) && serials.Contains(c.Serial))
            .Select(c => new { c.ZoneId, c.Serial, c.Kind, c.RecordSets })
            .ToListAsync(cancellationToken);
        var found = journal.Where(c => wanted.Contains((c.ZoneId, c.Serial))).ToLookup(c => (c.ZoneId, c.Serial));

        var result = new Dictionary<Guid, IReadOnlyCollection<string>>();
        foreach (var group in byZone)
        {
            var touched = new HashSet<string>(StringComparer.Ordinal);
            bool listed = group.Count() <= MaxNamesPerPatch;
            foreach (var entry in group)
            {
                if (!listed) break;
                var change = found[(group.Key, entry.Serial ?? -1)].FirstOrDefault();
                if (change is null || change.Kind != ZoneChangeKind.RecordsChanged || change.RecordSets is null)
                {
                    listed = false;
                    break;
                }
                foreach (var set in JsonSerializer.Deserialize<List<JournalSetName>>(change.RecordSets, PlatformJson.Options) ?? []) touched.Add(set.Name);
                listed = touched.Count <= MaxNamesPerPatch;
            }
            if (listed) result[group.Key] = touched;
        }
        return result;
    }

    private async Task<bool> AnyAfterAsync(long position, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM change_feed WHERE position > @position LIMIT 1";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@position";
        parameter.Value = position;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>One snapshot for every read of a catch-up: PostgreSQL's REPEATABLE READ; on SQLite a deferred transaction
    /// (WAL readers see one snapshot from their first read; BEGIN IMMEDIATE would take the write lock).</summary>
    private static async Task<IAsyncDisposable> BeginSnapshotAsync(MeridianDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }

    /// <summary>What a database that cannot be reached (or a read cut short by it) throws; anything else is a bug and
    /// stops the host rather than leaving a node that silently stopped following.</summary>
    private static bool IsOutage(Exception e) => e is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException
        or System.Net.Sockets.SocketException or OperationCanceledException;

    private void MarkCaughtUp(DateTime at)
    {
        Interlocked.Exchange(ref _caughtUpTicks, at.Ticks);
        _keys.FollowedUntil(at);
    }

    private double? SecondsSinceCaughtUp() => CaughtUpAt is { } at ? Math.Max(0, (_clock.Now() - at).TotalSeconds) : null;

    private void ReportFailure(Exception e)
    {
        _failuresSinceLog++;
        var now = _clock.Now();
        if (now - _lastFailureLog < LogEvery) return;
        _lastFailureLog = now;
        // The message only: a database outage is expected here, and its stack trace says nothing more.
        LogFailing(_logger, _failuresSinceLog, CaughtUpAt, e.GetType().Name, e.Message);
        _failuresSinceLog = 0;
    }

    private void ReportRecovery()
    {
        if (_lastFailureLog == default) return;
        _lastFailureLog = default;
        _failuresSinceLog = 0;
        LogRecovered(_logger, Position);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _wake.Dispose();
    }

    private sealed record JournalSetName(string Name);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Followed zone {ZoneId}: {Outcome} at serial {Serial}")]
    private static partial void LogFollowed(ILogger logger, Guid zoneId, FollowOutcome outcome, long? serial);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Cannot read the change feed ({Failures} attempt(s) since the last report; every change before {CaughtUpAt:O} is applied), answering from memory: {Error}: {Message}")]
    private static partial void LogFailing(ILogger logger, int failures, DateTime? caughtUpAt, string error, string message);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning,
        Message = "Change feed entries after position {Position} were pruned before this node read them (the oldest kept is {Oldest}); reloading every zone from the database")]
    private static partial void LogPrunedPast(ILogger logger, long position, long oldest);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Information, Message = "Reloaded after pruned change feed entries: {Zones} zone(s) checked, {Changed} brought up to date")]
    private static partial void LogReloaded(ILogger logger, int zones, int changed);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Reading the change feed again; caught up to position {Position}")]
    private static partial void LogRecovered(ILogger logger, long position);
}
