using Meridian.Dns.Names;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Writing;

/// <summary>Creates a zone, and in the same transaction whatever a caller adds to it (an import's
/// records). Creations are serialized so that the name, quota and parent/child checks see each other.</summary>
internal sealed class ZoneCreation(PlatformDatabase database, ZonePublication publication, ZoneLocks locks, TimeProvider clock)
{
    /// <param name="ownerUserId">The partner's end user the zone belongs to; a signed-in user's zones are always its own.</param>
    public async Task<ServiceResult<T>> CreateAsync<T>(Actor actor, DnsName name, Guid? ownerUserId, Func<ZoneWriteContext, Task<ServiceResult<T>>> fill,
        CancellationToken cancellationToken)
    {
        ownerUserId = actor.UserId ?? ownerUserId;
        var zoneId = Guid.CreateVersion7();
        // Nobody knows the id yet; holding its lock keeps writes that find the zone after the commit
        // from publishing before this one does.
        using var zoneLock = await locks.AcquireAsync(zoneId, cancellationToken);
        ZoneContents contents;
        ServiceResult<T> result;
        await using (var transaction = await WriteTransaction.BeginAsync(database, cancellationToken))
        {
            await transaction.LockZoneCreationAsync(cancellationToken);
            var refusal = await CheckAsync(transaction.Db, actor, name, cancellationToken);
            if (refusal is not null) return refusal;

            var now = clock.Now();
            uint serial = SerialNumbers.Initial(now);
            var zone = new Zone
            {
                Id = zoneId, AccountId = actor.AccountId, UserId = ownerUserId, Name = name.ToString(), Environment = actor.Environment,
                Active = true, Serial = serial, CreatedAt = now, UpdatedAt = now,
            };
            transaction.Db.Zones.Add(zone);
            // The zone row goes in first: the records written next refer to it.
            await transaction.Db.SaveChangesAsync(cancellationToken);
            contents = new ZoneContents(zoneId, name, serial, ZonePublication.IsServed(zone), zone.Environment);
            var statements = new ZoneStatements(transaction);
            var context = new ZoneWriteContext(transaction, statements, zone, contents, actor, now);
            context.Audit("zone.create", null, null, AuditSnapshots.Of(zone));
            result = await fill(context);
            if (!result.Succeeded) return result;
            statements.InsertZoneChange(new ZoneChange
            {
                ZoneId = zone.Id, ZoneName = zone.Name, Serial = serial, Kind = ZoneChangeKind.Created, At = now,
                Principal = actor.Principal, RecordCount = contents.Count,
            });
            statements.AppendToFeed(zone.Id, serial, now);
            await statements.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        publication.Publish(contents, wasServed: false);
        return result;
    }

    /// <summary>Why the account may not create the zone, or null: the name is taken in this environment,
    /// it is a parent or child of another account's zone, or the account's domain limit is reached.</summary>
    private static async Task<ServiceError?> CheckAsync(MeridianDbContext db, Actor actor, DnsName name, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actor.AccountId, cancellationToken);
        if (account is null) return ServiceError.NotFound("Account not found");
        string text = name.ToString();
        var environment = actor.Environment;
        var existing = await db.Zones.AsNoTracking()
            .Where(z => z.Name == text && z.Environment == environment)
            .Select(z => new { z.AccountId })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing.AccountId == actor.AccountId
                ? ServiceError.Conflict($"Domain {text} already exists")
                : ServiceError.Conflict($"Domain {text} is already hosted by another account");
        }

        var ancestors = new List<string>();
        for (var parent = name.Parent(); !parent.IsRoot; parent = parent.Parent()) ancestors.Add(parent.ToString());
        // Children: reversed names that start with this one's ("com.example." → "com.example.www."), which is the
        // index range [prefix, prefix with its final '.' raised to '/'): a seek, not a scan of every zone.
        string below = Zone.Reverse(text), pastBelow = below[..^1] + "/";
        var neighbour = await db.Zones.AsNoTracking()
            .Where(z => z.Environment == environment && z.AccountId != actor.AccountId && ancestors.Contains(z.Name))
            .Select(z => z.Name)
            .FirstOrDefaultAsync(cancellationToken)
            ?? await db.Zones.AsNoTracking()
            .Where(z => string.Compare(z.ReversedName, below) > 0 && string.Compare(z.ReversedName, pastBelow) < 0 &&
                        z.Environment == environment && z.AccountId != actor.AccountId)
            .Select(z => z.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (neighbour is not null)
        {
            return ancestors.Contains(neighbour)
                ? ServiceError.Conflict($"Domain {text} is inside {neighbour}, which another account hosts")
                : ServiceError.Conflict($"Domain {text} contains {neighbour}, which another account hosts");
        }

        if (account.DomainLimit is int limit)
        {
            int count = await db.Zones.CountAsync(z => z.AccountId == actor.AccountId && z.Environment == environment, cancellationToken);
            if (count >= limit) return ServiceError.DomainLimitReached;
        }
        return null;
    }
}
