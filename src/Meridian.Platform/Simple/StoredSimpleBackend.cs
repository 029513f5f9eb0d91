using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Simple;

/// <summary>What both backends share: the rows in <c>simple_records</c> that the Simple API reads (one record, a page,
/// newest first) and the calls that come down to setting or deleting one domain key, with the same checks. A backend
/// says which rows its callers see and how a key is set or deleted where its records live.</summary>
public abstract class StoredSimpleBackend(PlatformDatabase database) : ISimpleApiBackend
{
    protected PlatformDatabase Database { get; } = database;

    public async Task<ServiceResult<SimpleRecord>> GetAsync(SimpleCaller caller, long id, CancellationToken cancellationToken)
    {
        await using var db = Database.CreateContext();
        var row = await Visible(db, caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return row is null ? ServiceError.RecordNotFound : row;
    }

    public async Task<SimplePage> ListAsync(SimpleCaller caller, int number, int size, CancellationToken cancellationToken)
    {
        await using var db = Database.CreateContext();
        var rows = await Visible(db, caller).OrderByDescending(s => s.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new SimplePage(rows, number, size);
    }

    public Task<ServiceResult<SimpleRecord>> CreateAsync(SimpleCaller caller, SimpleRecordRequest request, CancellationToken cancellationToken) =>
        SetAsync(caller, request, createOnly: true, cancellationToken);

    public Task<ServiceResult<SimpleRecord>> UpsertAsync(SimpleCaller caller, SimpleRecordRequest request, CancellationToken cancellationToken) =>
        SetAsync(caller, request, createOnly: false, cancellationToken);

    public async Task<ServiceResult<SimpleRecord>> RetargetAsync(SimpleCaller caller, long id, string? to, CancellationToken cancellationToken)
    {
        var found = await GetAsync(caller, id, cancellationToken);
        if (!found.Succeeded) return found.Error;
        var row = found.Value;
        return await SetAsync(caller, new SimpleRecordRequest(row.DomainType, row.Domain, row.Subdomain, to), createOnly: false, cancellationToken);
    }

    public async Task<ServiceResult<SimpleRecord>> DeleteAsync(SimpleCaller caller, long id, CancellationToken cancellationToken)
    {
        var found = await GetAsync(caller, id, cancellationToken);
        if (!found.Succeeded) return found.Error;
        var row = found.Value;
        // The blacklist and the caller's domains apply to deletes too.
        if (!SimpleRecordRules.TryCheckKey(caller, row.DomainType, row.Domain, row.Subdomain, out var key, out var error)) return error!;
        return await DeleteAsync(caller, key, cancellationToken);
    }

    public async Task<ServiceResult<SimpleRecord>> DeleteAsync(SimpleCaller caller, SimpleRecordRequest request, CancellationToken cancellationToken)
    {
        if (!SimpleRecordRules.TryCheckKey(caller, request.DomainType, request.Domain, request.Subdomain, out var key, out var error)) return error!;
        return await DeleteAsync(caller, key, cancellationToken);
    }

    /// <summary>Why the key cannot be set, given the <paramref name="rows"/> kept for its name (the name holds the other of
    /// A and CNAME, or <paramref name="createOnly"/> finds the record made), else null with the key's own row in
    /// <paramref name="current"/> (null: none yet).</summary>
    protected static ServiceError? RefuseToSet(IReadOnlyList<SimpleRecord> rows, SimpleRecordKey key, bool createOnly, out SimpleRecord? current)
    {
        current = rows.FirstOrDefault(r => r.DomainType == key.DomainType);
        if (rows.FirstOrDefault(r => r.DomainType != key.DomainType) is { } other)
        {
            string article = other.DomainType == "A" ? "an" : "a";
            return ServiceError.Conflict($"{key.Owner} already has {article} {other.DomainType} record; an A and a CNAME record cannot share a name " +
                                         $"(delete the {other.DomainType} record first).");
        }
        return current is not null && createOnly ? ServiceError.Conflict("Record already exists") : null;
    }

    /// <summary>The caller's rows on this backend.</summary>
    protected abstract IQueryable<SimpleRecord> Visible(MeridianDbContext db, SimpleCaller caller);

    /// <summary>Creates (or, unless <paramref name="createOnly"/>, points again) the record the request names.</summary>
    protected abstract Task<ServiceResult<SimpleRecord>> SetAsync(SimpleCaller caller, SimpleRecordRequest request, bool createOnly, CancellationToken cancellationToken);

    /// <summary>Deletes the record of a checked key.</summary>
    protected abstract Task<ServiceResult<SimpleRecord>> DeleteAsync(SimpleCaller caller, SimpleRecordKey key, CancellationToken cancellationToken);
}
