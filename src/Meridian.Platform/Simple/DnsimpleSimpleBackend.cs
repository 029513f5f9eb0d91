using System.Collections.Concurrent;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Meridian.Providers;
using Meridian.Providers.Adapters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Meridian.Platform.Simple;

/// <summary>The <c>dnsimple</c> backend, the original service's only one: the rows (ids, <c>created</c>, the domain key)
/// are kept here in <c>simple_records</c> and each record is mirrored at DNSimple through <see cref="DnsimpleClient"/>.
/// A change is made at DNSimple first and stored here only once DNSimple has it, so a failed provider call leaves no
/// local row (and a failed update or delete leaves the row as it was) — the original rolled its transaction back.
/// If storing fails after DNSimple accepted the change, the change is undone there. Changes to one domain are made one
/// at a time in this process. As on the <c>meridian</c> backend, a name holding records made another way (at DNSimple,
/// outside this API) is refused rather than added to.</summary>
public sealed partial class DnsimpleSimpleBackend : StoredSimpleBackend
{
    private readonly Func<DnsimpleClient> _clients;
    private readonly string _token;
    private readonly long _account;
    private readonly int _ttl;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    // One gate per configured domain (the set is bounded by the configuration: only checked domains get here).
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    internal DnsimpleSimpleBackend(PlatformDatabase database, Func<DnsimpleClient> clients, string token, long account, int ttl, TimeProvider clock,
        ILogger<DnsimpleSimpleBackend> logger) : base(database)
    {
        _clients = clients;
        _token = token;
        _account = account;
        _ttl = ttl;
        _clock = clock;
        _logger = logger;
    }

    protected override async Task<ServiceResult<SimpleRecord>> DeleteAsync(SimpleCaller caller, SimpleRecordKey key, CancellationToken cancellationToken)
    {
        var gate = Gate(key.Domain);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = Database.CreateContext();
            var row = await db.SimpleRecords.SingleOrDefaultAsync(s => s.Backend == SimpleApiBackends.DNSimple && s.DomainType == key.DomainType &&
                                                                       s.Domain == key.Domain && s.Subdomain == key.Subdomain, cancellationToken);
            if (row is null) return ServiceError.RecordNotFound;
            try
            {
                await Client.DeleteRecordAsync(_token, _account, key.Domain, row.ProviderRecordId!, cancellationToken);
            }
            catch (ProviderException e) when (e.Status == 404)
            {
                // Already gone at DNSimple (removed there by hand): what the caller asked for is true; drop the row.
                LogAlreadyGone(_logger, key.Owner, row.ProviderRecordId!);
            }
            catch (ProviderException e)
            {
                return Failed(e, "delete", key, "the record is kept");
            }
            db.SimpleRecords.Remove(row);
            // DNSimple has changed: the row follows even if the caller has gone (see SavePastCaller).
            await db.SaveChangesAsync(SavePastCaller);
            return row;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task<ServiceResult<SimpleRecord>> SetAsync(SimpleCaller caller, SimpleRecordRequest request, bool createOnly,
        CancellationToken cancellationToken)
    {
        if (!SimpleRecordRules.TryCheck(caller, request, out var key, out string to, out var error)) return error!;
        var gate = Gate(key.Domain);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = Database.CreateContext();
            var rows = await db.SimpleRecords
                .Where(s => s.Backend == SimpleApiBackends.DNSimple && s.Domain == key.Domain && s.Subdomain == key.Subdomain)
                .ToListAsync(cancellationToken);
            if (RefuseToSet(rows, key, createOnly, out var current) is { } refusal) return refusal;
            try
            {
                if (current is null) return await CreateAsync(db, caller, key, to, cancellationToken);
                if (current.To != to) await RetargetAsync(db, current, key, to, cancellationToken);
                return current;
            }
            catch (ProviderException e)
            {
                return Failed(e, current is null ? "create" : "update", key, current is null ? "nothing was created" : "the record is unchanged");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ServiceResult<SimpleRecord>> CreateAsync(MeridianDbContext db, SimpleCaller caller, SimpleRecordKey key, string to,
        CancellationToken cancellationToken)
    {
        var held = await Client.ListRecordsAsync(_token, _account, key.Domain, key.Owner, cancellationToken);
        if (held.Any(r => string.Equals(r.Name, key.Owner, StringComparison.OrdinalIgnoreCase)))
            return ServiceError.Conflict($"{key.Owner} has records at DNSimple that were not made through the Simple API; it leaves them alone.");

        var created = await Client.CreateRecordAsync(_token, _account, key.Domain, new DnsRecord(key.DomainType, key.Owner, to, _ttl), cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var row = new SimpleRecord
        {
            Backend = SimpleApiBackends.DNSimple, DomainType = key.DomainType, Domain = key.Domain, Subdomain = key.Subdomain, To = to,
            Ttl = created.Ttl, ProviderRecordId = created.Id, CreatedBy = caller.User, CreatedAt = now, UpdatedAt = now,
        };
        db.SimpleRecords.Add(row);
        try
        {
            await db.SaveChangesAsync(SavePastCaller);
            return row;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            // Not stored here, so not kept there either.
            await UndoAsync(key, () => Client.DeleteRecordAsync(_token, _account, key.Domain, created.Id!, CancellationToken.None));
            // Another node stored the same key at the same moment (the unique domain key): the caller's answer is the usual one.
            await using var check = Database.CreateContext();
            if (await check.SimpleRecords.AnyAsync(s => s.Backend == SimpleApiBackends.DNSimple && s.DomainType == key.DomainType &&
                                                        s.Domain == key.Domain && s.Subdomain == key.Subdomain, cancellationToken))
                return ServiceError.Conflict("Record already exists");
            throw;
        }
    }

    private async Task RetargetAsync(MeridianDbContext db, SimpleRecord row, SimpleRecordKey key, string to, CancellationToken cancellationToken)
    {
        string previous = row.To;
        await Client.UpdateRecordAsync(_token, _account, key.Domain, row.ProviderRecordId!, new DnsRecord(key.DomainType, key.Owner, to, row.Ttl),
            cancellationToken);
        row.To = to;
        row.UpdatedAt = _clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(SavePastCaller);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            await UndoAsync(key, () => Client.UpdateRecordAsync(_token, _account, key.Domain, row.ProviderRecordId!,
                new DnsRecord(key.DomainType, key.Owner, previous, row.Ttl), CancellationToken.None));
            throw;
        }
    }

    /// <summary>Undoes at DNSimple a change this database could not store; a failure is logged (the change then stays
    /// there, unknown here, and is refused as "not made through the Simple API" until removed).</summary>
    private async Task UndoAsync(SimpleRecordKey key, Func<Task> undo)
    {
        try
        {
            await undo();
        }
        catch (ProviderException e)
        {
            LogUndoFailed(_logger, key.Owner, e.Reason);
        }
    }

    private ServiceError Failed(ProviderException e, string action, SimpleRecordKey key, string outcome)
    {
        LogProviderFailed(_logger, action, key.Owner, e.Reason);
        string why = e.CredentialsRefused ? $"{e.Reason} (check SimpleApi:DNSimple:Token and SimpleApi:DNSimple:Account)" : e.Reason;
        return new ServiceError(ServiceErrorKind.ProviderFailed, $"DNSimple could not {action} {key.Owner}: {why}; {outcome}.");
    }

    /// <summary>Once DNSimple has a change, storing it is not cancelled with the request: a client that hangs up then
    /// must not leave a record at DNSimple that no row knows.</summary>
    private static CancellationToken SavePastCaller => CancellationToken.None;

    // A typed client from the factory per use, so its handler is rotated as the factory intends.
    private DnsimpleClient Client => _clients();

    private SemaphoreSlim Gate(string domain) => _gates.GetOrAdd(domain, static _ => new SemaphoreSlim(1, 1));

    /// <summary>The caller's rows on this backend.</summary>
    protected override IQueryable<SimpleRecord> Visible(MeridianDbContext db, SimpleCaller caller)
    {
        var domains = caller.Domains.ToList();
        return db.SimpleRecords.AsNoTracking().Where(s => s.Backend == SimpleApiBackends.DNSimple && domains.Contains(s.Domain));
    }

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "Simple API (dnsimple): could not {Action} {Owner} at DNSimple: {Reason}")]
    private static partial void LogProviderFailed(ILogger logger, string action, string owner, string reason);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Information,
        Message = "Simple API (dnsimple): {Owner} (DNSimple record {RecordId}) was already gone at DNSimple; its row is dropped")]
    private static partial void LogAlreadyGone(ILogger logger, string owner, string recordId);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Error,
        Message = "Simple API (dnsimple): a change to {Owner} was not stored here and could not be undone at DNSimple ({Reason}); remove it there by hand")]
    private static partial void LogUndoFailed(ILogger logger, string owner, string reason);
}
