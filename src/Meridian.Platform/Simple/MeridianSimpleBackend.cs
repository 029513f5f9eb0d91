using System.Runtime.CompilerServices;
using Meridian.Dns.Names;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Simple;

/// <summary>The <c>meridian</c> backend: the Simple API's records are records of this platform's zones, owned by one
/// account (<c>SimpleApi:Account</c>, by id or name). Every change goes through <see cref="ZoneWriter"/> — the zone
/// locked, the record and its <see cref="SimpleRecord"/> row written in one transaction, the serial raised, the change
/// journalled as <c>simple:USER</c>, DNS answering it before the call returns. Only names the Simple API created are
/// visible or changed through it: a name that holds records made another way is refused.</summary>
public sealed class MeridianSimpleBackend : StoredSimpleBackend
{
    private readonly ZoneWriter _writer;
    private readonly string _account;
    private readonly int _ttl;
    // Resolved once; a box so that threads see the whole Guid or nothing (a Guid? can tear).
    private volatile StrongBox<Guid>? _accountId;

    internal MeridianSimpleBackend(PlatformDatabase database, ZoneWriter writer, string account, int ttl) : base(database)
    {
        _writer = writer;
        _account = account;
        _ttl = ttl;
    }

    protected override async Task<ServiceResult<SimpleRecord>> DeleteAsync(SimpleCaller caller, SimpleRecordKey key, CancellationToken cancellationToken)
    {
        var target = await ZoneOfAsync(caller, key.Domain, cancellationToken);
        if (!target.Succeeded) return target.Error;
        var (actor, zoneId) = target.Value;
        return await _writer.WriteAsync(actor, zoneId, ServiceError.RecordNotFound, context => DeleteAsync(context, key, cancellationToken), cancellationToken);
    }

    private static async Task<ServiceResult<SimpleRecord>> DeleteAsync(ZoneWriteContext context, SimpleRecordKey key, CancellationToken cancellationToken)
    {
        var row = await RowAsync(context, key, cancellationToken);
        if (row?.RecordId is not { } recordId || !context.Contents.TryGet(recordId, out _)) return ServiceError.RecordNotFound;
        var deleted = await RecordService.DeleteAsync(context, recordId, cancellationToken);
        if (!deleted.Succeeded) return deleted.Error;
        context.Db.SimpleRecords.Remove(row);
        await context.Db.SaveChangesAsync(cancellationToken);
        return row;
    }

    protected override async Task<ServiceResult<SimpleRecord>> SetAsync(SimpleCaller caller, SimpleRecordRequest request, bool createOnly,
        CancellationToken cancellationToken)
    {
        if (!SimpleRecordRules.TryCheck(caller, request, out var key, out string to, out var error)) return error!;
        var target = await ZoneOfAsync(caller, key.Domain, cancellationToken);
        if (!target.Succeeded) return target.Error;
        var (actor, zoneId) = target.Value;
        return await _writer.WriteAsync(actor, zoneId, context => SetAsync(context, caller, key, to, createOnly, cancellationToken), cancellationToken);
    }

    private async Task<ServiceResult<SimpleRecord>> SetAsync(ZoneWriteContext context, SimpleCaller caller, SimpleRecordKey key, string to, bool createOnly,
        CancellationToken cancellationToken)
    {
        var db = context.Db;
        var rows = await db.SimpleRecords
            .Where(s => s.Backend == SimpleApiBackends.Meridian && s.Domain == key.Domain && s.Subdomain == key.Subdomain)
            .ToListAsync(cancellationToken);
        // A row whose record was removed another way (another API, the zone re-created) stands for nothing: drop it.
        foreach (var stale in rows.Where(r => r.RecordId is not { } id || !context.Contents.TryGet(id, out _)).ToList())
        {
            db.SimpleRecords.Remove(stale);
            rows.Remove(stale);
        }
        var owner = DnsName.Parse(key.Owner + ".");
        if (RefuseToSet(rows, key, createOnly, out var current) is { } refusal) return refusal;
        foreach (var existing in context.Contents.At(owner))
        {
            if (existing.Id != current?.RecordId)
                return ServiceError.Conflict($"{key.Owner} has records that were not made through the Simple API; it leaves them alone.");
        }

        if (current is null)
        {
            var created = RecordService.Create(context, new RecordInput(key.Subdomain, key.DomainType, to, _ttl));
            if (!created.Succeeded) return created.Error;
            current = new SimpleRecord
            {
                Backend = SimpleApiBackends.Meridian, DomainType = key.DomainType, Domain = key.Domain, Subdomain = key.Subdomain, To = to,
                Ttl = created.Value.Ttl, ZoneId = context.Zone.Id, RecordId = created.Value.Id, CreatedBy = caller.User,
                CreatedAt = context.Now, UpdatedAt = context.Now,
            };
            db.SimpleRecords.Add(current);
        }
        else if (current.To != to)
        {
            var updated = await RecordService.UpdateAsync(context, current.RecordId!.Value, new RecordInput(Value: to), cancellationToken);
            if (!updated.Succeeded) return updated.Error;
            current.To = to;
            current.UpdatedAt = context.Now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return current;
    }

    private static Task<SimpleRecord?> RowAsync(ZoneWriteContext context, SimpleRecordKey key, CancellationToken cancellationToken) =>
        context.Db.SimpleRecords.SingleOrDefaultAsync(s => s.Backend == SimpleApiBackends.Meridian && s.DomainType == key.DomainType &&
                                                           s.Domain == key.Domain && s.Subdomain == key.Subdomain, cancellationToken);

    /// <summary>The caller's rows whose records still exist.</summary>
    protected override IQueryable<SimpleRecord> Visible(MeridianDbContext db, SimpleCaller caller)
    {
        var domains = caller.Domains.ToList();
        return db.SimpleRecords.AsNoTracking()
            .Where(s => s.Backend == SimpleApiBackends.Meridian && domains.Contains(s.Domain) && db.Records.Any(r => r.Id == s.RecordId));
    }

    /// <summary>The account's production zone of <paramref name="domain"/>, and the actor that writes it as the caller.</summary>
    private async Task<ServiceResult<(Actor Actor, Guid ZoneId)>> ZoneOfAsync(SimpleCaller caller, string domain, CancellationToken cancellationToken)
    {
        await using var db = Database.CreateContext();
        Guid accountId;
        if (_accountId is { } known) accountId = known.Value;
        else
        {
            bool isId = Guid.TryParse(_account, out var id);
            var matches = await db.Accounts.AsNoTracking().Where(a => isId ? a.Id == id : a.Name == _account).Select(a => a.Id).Take(2)
                .ToListAsync(cancellationToken);
            if (matches.Count != 1)
            {
                return new ServiceError(ServiceErrorKind.Misconfigured,
                    $"The Simple API's account '{_account}' (SimpleApi:Account) does not exist, or its name is not unique.");
            }
            accountId = matches[0];
            _accountId = new StrongBox<Guid>(accountId);
        }
        // Checked at every write: `meridian accounts suspend` stops the Simple API's changes as it stops the account's keys.
        if (await db.Accounts.AsNoTracking().AnyAsync(a => a.Id == accountId && a.SuspendedAt != null, cancellationToken))
        {
            return new ServiceError(ServiceErrorKind.Forbidden,
                $"The Simple API's account '{_account}' is suspended: records cannot be changed until it is resumed.");
        }
        string zoneName = domain + ".";
        var zoneId = await db.Zones.AsNoTracking()
            .Where(z => z.AccountId == accountId && z.Name == zoneName && z.Environment == ApiEnvironment.Production)
            .Select(z => (Guid?)z.Id).SingleOrDefaultAsync(cancellationToken);
        if (zoneId is null) return ServiceError.NotFound($"{domain} is not a domain of the Simple API's account; add it there first.");
        return (Actor.ForAccount(accountId) with { NamedPrincipal = caller.Principal }, zoneId.Value);
    }
}
