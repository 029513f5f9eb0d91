using Meridian.Dns.Names;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Naming;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>The caller's zones (the APIs' domains): list, get, create (normalized; public suffixes,
/// names taken in the environment, parents/children of another account's zone and the domain limit
/// refused), delete (records too; the zone stops being answered).</summary>
public sealed class DomainService
{
    private readonly PlatformDatabase _database;
    private readonly ZoneNameRules _names;
    private readonly ZoneCreation _creation;
    private readonly ZonePublication _publication;
    private readonly ZoneLocks _locks;
    private readonly TimeProvider _clock;
    private readonly ZoneHeadReader _heads;

    internal DomainService(PlatformDatabase database, ZoneNameRules names, ZoneCreation creation, ZonePublication publication, ZoneLocks locks, TimeProvider clock,
        ZoneHeadReader heads)
    {
        _heads = heads;
        _database = database;
        _names = names;
        _creation = creation;
        _publication = publication;
        _locks = locks;
        _clock = clock;
    }

    public async Task<IReadOnlyList<Zone>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        return await db.Zones.AsNoTracking()
            .Where(ZoneAccess.VisibleTo(actor))
            .OrderBy(z => z.Name)
            .ToListAsync(cancellationToken);
    }

    public async Task<ServiceResult<Zone>> GetAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var zone = await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
        return zone is null || !ZoneAccess.Allows(actor, zone) ? ServiceError.DomainNotFound : zone;
    }

    /// <summary>The name of the caller's zone (<c>"example.com."</c>): one prepared primary-key read, for the calls
    /// that need only that (a surface writing record names relative to the zone).</summary>
    public async Task<ServiceResult<string>> GetNameAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken = default)
    {
        var head = await _heads.ReadAsync(zoneId, cancellationToken);
        return head is { } zone && ZoneAccess.Allows(actor, zone.AccountId, zone.Environment, zone.UserId) ? zone.Name : ServiceError.DomainNotFound;
    }

    /// <summary>The caller's zone by name (any spelling the name rules accept).</summary>
    public async Task<ServiceResult<Zone>> FindByNameAsync(Actor actor, string name, CancellationToken cancellationToken = default)
    {
        if (!_names.TryNormalize(name, out var normalized, out string? error)) return ServiceError.Validation(error);
        string text = normalized.ToString();
        await using var db = _database.CreateContext();
        var environment = actor.Environment;
        var zone = await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Name == text && z.Environment == environment, cancellationToken);
        return zone is null || !ZoneAccess.Allows(actor, zone) ? ServiceError.DomainNotFound : zone;
    }

    public Task<ServiceResult<Zone>> CreateAsync(Actor actor, string? name, CancellationToken cancellationToken = default) =>
        CreateAsync(actor, name, ownerUserId: null, cancellationToken);

    /// <summary>A zone for a partner's end user (see <see cref="UserService"/>); a signed-in user's zones are always its own.</summary>
    public Task<ServiceResult<Zone>> CreateAsync(Actor actor, string? name, Guid? ownerUserId, CancellationToken cancellationToken = default)
    {
        if (!_names.TryNormalize(name, out var normalized, out string? error))
            return Task.FromResult<ServiceResult<Zone>>(ServiceError.Validation(error, "name", "invalid_domain_name"));
        return _creation.CreateAsync<Zone>(actor, normalized, ownerUserId, context => Task.FromResult<ServiceResult<Zone>>(context.Zone), cancellationToken);
    }

    public async Task<ServiceResult<Zone>> DeleteAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken = default)
    {
        using var zoneLock = await _locks.AcquireAsync(zoneId, cancellationToken);
        Zone zone;
        await using (var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken))
        {
            var locked = await transaction.LockZoneAsync(zoneId, cancellationToken);
            if (locked is null || !ZoneAccess.Allows(actor, locked)) return ServiceError.DomainNotFound;
            zone = locked;
            var now = _clock.Now();
            var db = transaction.Db;
            int records = await db.Records.Where(r => r.ZoneId == zoneId).ExecuteDeleteAsync(cancellationToken);
            db.Zones.Remove(zone);
            uint serial = SerialNumbers.Next((uint)zone.Serial, now);
            db.ZoneChanges.Add(new ZoneChange
            {
                ZoneId = zone.Id, ZoneName = zone.Name, Serial = serial, Kind = ZoneChangeKind.Deleted, At = now,
                Principal = actor.Principal, RecordCount = records,
            });
            db.AuditEvents.Add(new AuditEvent
            {
                Id = Guid.CreateVersion7(), At = now, AccountId = actor.AccountId, ApiKeyId = actor.ApiKeyId, Action = "zone.delete",
                ZoneId = zone.Id, ZoneName = zone.Name, Before = AuditSnapshots.Of(new { zone = zone.Name, records }),
            });
            await db.SaveChangesAsync(cancellationToken);
            await Following.ChangeFeedAppend.ZoneAsync(transaction, zone.Id, serial, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        _publication.Remove(zone.Id, DnsName.Parse(zone.Name), zone.Environment, ZonePublication.IsServed(zone));
        return zone;
    }
}
