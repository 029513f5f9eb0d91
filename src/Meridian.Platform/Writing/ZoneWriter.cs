using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Writing;

/// <summary>Runs every change to an existing zone the same way: the zone's in-process lock, a write
/// transaction with the zone row locked, ownership checked, the change applied, then — when it changed
/// anything — the serial raised, a <see cref="ZoneChange"/> appended, commit, and the zone published
/// before the caller hears back. A refused change rolls back and leaves nothing behind.</summary>
internal sealed class ZoneWriter(PlatformDatabase database, ZonePublication publication, ZoneLocks locks, TimeProvider clock)
{
    public Task<ServiceResult<T>> WriteAsync<T>(Actor actor, Guid zoneId, Func<ZoneWriteContext, Task<ServiceResult<T>>> change, CancellationToken cancellationToken) =>
        WriteAsync(actor, zoneId, ServiceError.DomainNotFound, change, cancellationToken);

    /// <param name="notFound">The error when the zone is gone or not the actor's (record calls say "Record not found").</param>
    public async Task<ServiceResult<T>> WriteAsync<T>(Actor actor, Guid zoneId, ServiceError notFound, Func<ZoneWriteContext, Task<ServiceResult<T>>> change, CancellationToken cancellationToken)
    {
        using var zoneLock = await locks.AcquireAsync(zoneId, cancellationToken);
        ZoneContents contents;
        ServiceResult<T> result;
        bool wasServed;
        await using (var transaction = await WriteTransaction.BeginAsync(database, cancellationToken))
        {
            var statements = new ZoneStatements(transaction);
            var zone = await statements.LockZoneAsync(zoneId, cancellationToken);
            if (zone is null || !ZoneAccess.Allows(actor, zone)) return notFound;
            contents = await publication.GetCurrentAsync(() => transaction.Db, zone, cancellationToken);
            wasServed = contents.Served;
            var now = clock.Now();
            var context = new ZoneWriteContext(transaction, statements, zone, contents, actor, now);
            var journal = new RecordSetJournal();
            contents.Journal = journal;
            try
            {
                result = await change(context);
                contents.Journal = null;
                if (!context.Changed) return result;
                if (!result.Succeeded)
                {
                    // A change that touched the contents and then refused: forget them, roll back.
                    publication.Evict(zoneId);
                    return result;
                }
                uint serial = SerialNumbers.Next((uint)zone.Serial, now);
                zone.Serial = serial;
                zone.UpdatedAt = now;
                statements.SetZoneSerial(zone.Id, serial, now);
                statements.InsertZoneChange(new ZoneChange
                {
                    ZoneId = zone.Id, ZoneName = zone.Name, Serial = serial, Kind = ZoneChangeKind.RecordsChanged, At = now,
                    Principal = actor.Principal,
                    RecordSets = journal.TooLarge ? null : journal.ToJson(contents),
                    RecordCount = journal.TooLarge ? contents.Count : null,
                });
                statements.AppendToFeed(zone.Id, serial, now);
                await statements.FlushAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                contents.Serial = serial;
                contents.Served = ZonePublication.IsServed(zone);
            }
            catch
            {
                contents.Journal = null;
                publication.Evict(zoneId);
                throw;
            }
        }
        publication.Publish(contents, wasServed);
        return result;
    }
}
