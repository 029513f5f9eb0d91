using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Naming;
using Meridian.Platform.Publishing;
using Meridian.Platform.Reading;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>Records of the caller's zones: list, get, create, update, delete. Every rule of DESIGN.md
/// "Normalization and validation" is applied here; a committed change is in the DNS answers when the
/// call returns.</summary>
public sealed class RecordService
{
    private readonly PlatformDatabase _database;
    private readonly ZoneWriter _writer;
    private readonly ZoneHeadReader _heads;
    private readonly ZoneListingCache _listings;

    internal RecordService(PlatformDatabase database, ZoneWriter writer, ZoneHeadReader heads, ZoneListingCache listings)
    {
        _database = database;
        _writer = writer;
        _heads = heads;
        _listings = listings;
    }

    public async Task<ServiceResult<IReadOnlyList<Record>>> ListAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken = default)
    {
        var listing = await ListingAsync(actor, zoneId, cancellationToken);
        return listing.Succeeded ? ServiceResult<IReadOnlyList<Record>>.Success(listing.Value.Records) : listing.Error;
    }

    /// <summary>The zone's records as committed now, with the serial they belong to. Ownership and the serial
    /// are read from the database on every call (one primary-key lookup); the records are read only when the
    /// serial moved since the last read, so the answer is as fresh as the database whoever wrote it.</summary>
    public async Task<ServiceResult<ZoneRecordListing>> ListingAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken = default)
    {
        var head = await _heads.ReadAsync(zoneId, cancellationToken);
        if (head is not { } zone || zone.AccountId != actor.AccountId || zone.Environment != actor.Environment) return ServiceError.DomainNotFound;
        var listing = _listings.Find(zoneId, zone.Serial);
        if (listing is not null) return listing;
        // Read after the serial: records committed in between are newer than it, never older, and the next
        // read sees the serial moved and reads them again.
        List<Record> records;
        await using (var connection = await _database.OpenReadConnectionAsync(cancellationToken))
            records = await ZoneReadStatements.ReadRecordsAsync(connection, SqlDialect.For(_database.Provider), zoneId, cancellationToken);
        listing = new ZoneRecordListing(zoneId, zone.Serial, records);
        _listings.Keep(listing);
        return listing;
    }

    public async Task<ServiceResult<Record>> GetAsync(Actor actor, Guid recordId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var found = await FindAsync(db, actor, recordId, cancellationToken);
        return found is null ? ServiceError.RecordNotFound : found;
    }

    public Task<ServiceResult<Record>> CreateAsync(Actor actor, Guid zoneId, RecordInput input, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync<Record>(actor, zoneId, context =>
        {
            if (input.Name is null) return Result(ServiceError.Validation("Record name is required (use \"@\" for the domain itself)"));
            if (!TryDraft(context.Contents, input.Name, input.Type, input.Value, input.Priority, input.Ttl, input.CountryCodes, null, out var draft, out var error))
                return Result(ServiceError.Validation(error));
            var record = Add(context, draft, "record.create");
            RecordSets.AlignTtl(context, draft.Owner, draft.Type, draft.Ttl, record.Id);
            return Result(record);
        }, cancellationToken);

    public async Task<ServiceResult<Record>> UpdateAsync(Actor actor, Guid recordId, RecordInput input, CancellationToken cancellationToken = default)
    {
        var zoneId = await FindZoneIdAsync(actor, recordId, cancellationToken);
        if (zoneId is null) return ServiceError.RecordNotFound;
        return await _writer.WriteAsync<Record>(actor, zoneId.Value, ServiceError.RecordNotFound, async context =>
        {
            var record = await context.Statements.FindRecordAsync(recordId, context.Zone.Id, cancellationToken);
            if (record is null) return ServiceError.RecordNotFound;

            string type = input.Type ?? record.Type;
            bool known = RecordTypeRules.TryParse(type, out var parsedType, out _);
            bool sameType = known && RecordTypeRules.Name(parsedType) == record.Type;
            var (currentPriority, currentValue) = RecordValueRules.SplitPriority(record.Type, record.Data);
            string? value = input.Value ?? (sameType ? currentValue : null);
            if (value is null) return ServiceError.Validation("Record value is required when the type changes");
            long? priority = input.Priority;
            if (priority is null && sameType && RecordValueRules.HasPriority(parsedType) && !RecordValueRules.CarriesPriority(parsedType, value))
                priority = currentPriority;

            if (!TryDraft(context.Contents, input.Name ?? record.Name, type, value, priority, input.Ttl ?? record.Ttl,
                    input.CountryCodes ?? record.CountryCodes, record.Id, out var draft, out string? error))
                return ServiceError.Validation(error);

            string data = RdataParsing.Format(draft.Type, draft.Wire);
            string name = draft.Owner.ToString();
            string typeName = RecordTypeRules.Name(draft.Type);
            if (name == record.Name && typeName == record.Type && data == record.Data && (int)draft.Ttl == record.Ttl &&
                draft.CountryCodes.AsSpan().SequenceEqual(record.CountryCodes))
                return record;

            string before = AuditSnapshots.Of(record);
            record.Name = name;
            record.Type = typeName;
            record.Data = data;
            record.Ttl = (int)draft.Ttl;
            record.CountryCodes = draft.CountryCodes;
            record.UpdatedAt = context.Now;
            context.Statements.UpdateRecord(record);
            context.Contents.Replace(new StoredRecord(record.Id, draft.Owner, draft.Type, draft.Ttl, draft.Wire, draft.Targets));
            RecordSets.AlignTtl(context, draft.Owner, draft.Type, draft.Ttl, record.Id);
            context.Audit("record.update", record.Id, before, AuditSnapshots.Of(record));
            context.MarkChanged();
            return record;
        }, cancellationToken);
    }

    public async Task<ServiceResult<Record>> DeleteAsync(Actor actor, Guid recordId, CancellationToken cancellationToken = default)
    {
        var zoneId = await FindZoneIdAsync(actor, recordId, cancellationToken);
        if (zoneId is null) return ServiceError.RecordNotFound;
        return await _writer.WriteAsync<Record>(actor, zoneId.Value, ServiceError.RecordNotFound, async context =>
        {
            var record = await context.Statements.FindRecordAsync(recordId, context.Zone.Id, cancellationToken);
            if (record is null) return ServiceError.RecordNotFound;
            context.Statements.DeleteRecord(record.Id);
            context.Contents.Remove(record.Id);
            context.Audit("record.delete", record.Id, AuditSnapshots.Of(record), null);
            context.MarkChanged();
            return record;
        }, cancellationToken);
    }

    /// <summary>Checks one record's own fields against the zone: name inside it, known type, TTL, value, country codes.</summary>
    internal static bool TryDraft(ZoneContents zone, string name, string? type, string? value, long? priority, long? ttl,
        IReadOnlyList<string>? countryCodes, Guid? replacing, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecordDraft? draft,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        draft = null;
        if (!RecordNameRules.TryResolve(name, zone.Origin, out var owner, out error)) return false;
        if (!RecordTypeRules.TryParse(type, out var dnsType, out error)) return false;
        uint effectiveTtl;
        if (ttl is { } given)
        {
            error = RecordLimits.CheckTtl(given);
            if (error is not null) return false;
            effectiveTtl = (uint)given;
        }
        else
        {
            effectiveTtl = RecordSetRules.SetTtl(zone, owner, dnsType, replacing) ?? RecordLimits.DefaultTtl;
        }
        if (!RecordValueRules.TryBuild(dnsType, value, priority, out var wire, out error)) return false;
        if (!GeoTargetRules.TryNormalize(countryCodes, out var codes, out error)) return false;
        var targets = StoredRecord.ParseTargets(codes);
        error = RecordSetRules.Check(zone, owner, dnsType, wire, targets, replacing);
        if (error is not null) return false;
        draft = new RecordDraft(owner, dnsType, effectiveTtl, wire, [.. codes], targets);
        return true;
    }

    private static Record Add(ZoneWriteContext context, RecordDraft draft, string action)
    {
        var record = RecordSets.NewRecord(context, draft);
        context.Statements.InsertRecord(record);
        context.Contents.Add(new StoredRecord(record.Id, draft.Owner, draft.Type, draft.Ttl, draft.Wire, draft.Targets));
        context.Audit(action, record.Id, null, AuditSnapshots.Of(record));
        context.MarkChanged();
        return record;
    }

    private static Task<ServiceResult<Record>> Result(ServiceResult<Record> result) => Task.FromResult(result);

    private async Task<Guid?> FindZoneIdAsync(Actor actor, Guid recordId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return (await FindAsync(db, actor, recordId, cancellationToken))?.ZoneId;
    }

    private static async Task<Record?> FindAsync(MeridianDbContext db, Actor actor, Guid recordId, CancellationToken cancellationToken)
    {
        var environment = actor.Environment;
        var accountId = actor.AccountId;
        return await db.Records.AsNoTracking()
            .Where(r => r.Id == recordId && db.Zones.Any(z => z.Id == r.ZoneId && z.AccountId == accountId && z.Environment == environment))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
