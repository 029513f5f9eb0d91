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
        if (head is not { } zone || !ZoneAccess.Allows(actor, zone.AccountId, zone.Environment, zone.UserId)) return ServiceError.DomainNotFound;
        var listing = _listings.Find(zoneId, zone.Serial);
        if (listing is not null) return listing;
        // Read after the serial: records committed in between are newer than it, never older, and the next
        // read sees the serial moved and reads them again.
        List<Record> records;
        await using (var connection = await _database.OpenReadConnectionAsync(cancellationToken))
            records = await ZoneReadStatements.ReadRecordsAsync(connection, SqlDialect.For(_database.Provider), zoneId, cancellationToken);
        listing = new ZoneRecordListing(zoneId, zone.Name, zone.Serial, records);
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
        _writer.WriteAsync(actor, zoneId, context => Task.FromResult(Create(context, input)), cancellationToken);

    public async Task<ServiceResult<Record>> UpdateAsync(Actor actor, Guid recordId, RecordInput input, CancellationToken cancellationToken = default)
    {
        var zoneId = await FindZoneIdAsync(actor, recordId, cancellationToken);
        if (zoneId is null) return ServiceError.RecordNotFound;
        return await _writer.WriteAsync(actor, zoneId.Value, ServiceError.RecordNotFound, context => UpdateAsync(context, recordId, input, cancellationToken),
            cancellationToken);
    }

    public async Task<ServiceResult<Record>> DeleteAsync(Actor actor, Guid recordId, CancellationToken cancellationToken = default)
    {
        var zoneId = await FindZoneIdAsync(actor, recordId, cancellationToken);
        if (zoneId is null) return ServiceError.RecordNotFound;
        return await _writer.WriteAsync(actor, zoneId.Value, ServiceError.RecordNotFound, context => DeleteAsync(context, recordId, cancellationToken),
            cancellationToken);
    }

    /// <summary>Adds one record to the zone being written.</summary>
    internal static ServiceResult<Record> Create(ZoneWriteContext context, RecordInput input)
    {
        if (input.Name is null) return ServiceError.Validation("Record name is required (use \"@\" for the domain itself)", "name", "required");
        if (!TryDraft(context.Contents, input.Name, input.Type, input.Value, input.Priority, input.Ttl, input.CountryCodes, null, out var draft, out var error))
            return error;
        var record = Add(context, draft, "record.create");
        RecordSets.AlignTtl(context, draft.Owner, draft.Type, draft.Ttl, record.Id);
        return record;
    }

    /// <summary>Changes one record of the zone being written; null fields of <paramref name="input"/> keep their values.</summary>
    internal static async Task<ServiceResult<Record>> UpdateAsync(ZoneWriteContext context, Guid recordId, RecordInput input, CancellationToken cancellationToken)
    {
        // Not in the contents: removed earlier in this change (its row is still there until the writes are sent).
        if (!context.Contents.TryGet(recordId, out _)) return ServiceError.RecordNotFound;
        var record = await context.Statements.FindRecordAsync(recordId, context.Zone.Id, cancellationToken);
        if (record is null) return ServiceError.RecordNotFound;

        string type = input.Type ?? record.Type;
        bool known = RecordTypeRules.TryParse(type, out var parsedType, out _);
        bool sameType = known && RecordTypeRules.Name(parsedType) == record.Type;
        var (currentPriority, currentValue) = RecordValueRules.SplitPriority(record.Type, record.Data);
        string? value = input.Value ?? (sameType ? currentValue : null);
        if (value is null) return ServiceError.Validation("Record value is required when the type changes", "value", "required");
        long? priority = input.Priority;
        if (priority is null && sameType && RecordValueRules.HasPriority(parsedType) && !RecordValueRules.CarriesPriority(parsedType, value))
            priority = currentPriority;

        if (!TryDraft(context.Contents, input.Name ?? record.Name, type, value, priority, input.Ttl ?? record.Ttl,
                input.CountryCodes ?? record.CountryCodes, record.Id, out var draft, out var error))
            return error;

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
    }

    /// <summary>Removes one record of the zone being written.</summary>
    internal static async Task<ServiceResult<Record>> DeleteAsync(ZoneWriteContext context, Guid recordId, CancellationToken cancellationToken)
    {
        // Not in the contents: removed earlier in this change (its row is still there until the writes are sent).
        if (!context.Contents.TryGet(recordId, out _)) return ServiceError.RecordNotFound;
        var record = await context.Statements.FindRecordAsync(recordId, context.Zone.Id, cancellationToken);
        if (record is null) return ServiceError.RecordNotFound;
        context.Statements.DeleteRecord(record.Id);
        context.Contents.Remove(record.Id);
        context.Audit("record.delete", record.Id, AuditSnapshots.Of(record), null);
        context.MarkChanged();
        return record;
    }

    /// <summary>Checks one record's own fields against the zone: name inside it, known type, TTL, value, country
    /// codes — each checked on its own, so every problem is reported at once — and then the rules that depend on the
    /// rest of the zone.</summary>
    internal static bool TryDraft(ZoneContents zone, string name, string? type, string? value, long? priority, long? ttl,
        IReadOnlyList<string>? countryCodes, Guid? replacing, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecordDraft? draft,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ServiceError? error)
    {
        draft = null;
        error = null;
        var problems = new List<Problem>(2);
        bool named = RecordNameRules.TryResolve(name, zone.Origin, out var owner, out string? message);
        if (!named) problems.Add(new Problem("name", "invalid_name", message!));
        bool typed = RecordTypeRules.TryParse(type, out var dnsType, out message);
        if (!typed) problems.Add(new Problem("type", "invalid_type", message!));
        if (ttl is { } given && RecordLimits.CheckTtl(given) is { } ttlProblem) problems.Add(new Problem("ttl", "invalid_ttl", ttlProblem));
        byte[]? wire = null;
        if (typed && !RecordValueRules.TryBuild(dnsType, value, priority, out wire, out message)) problems.Add(new Problem("value", "invalid_value", message!));
        if (!GeoTargetRules.TryNormalize(countryCodes, out var codes, out message)) problems.Add(new Problem("country_codes", "invalid_country_codes", message!));
        if (problems.Count > 0)
        {
            error = ServiceError.Invalid(problems);
            return false;
        }
        uint effectiveTtl = ttl is { } set ? (uint)set : RecordSetRules.SetTtl(zone, owner!, dnsType, replacing) ?? RecordLimits.DefaultTtl;
        var targets = StoredRecord.ParseTargets(codes!);
        if (RecordSetRules.Check(zone, owner!, dnsType, wire!, targets, replacing) is { } conflict)
        {
            error = ServiceError.Validation(conflict, "name", "record_conflict");
            return false;
        }
        draft = new RecordDraft(owner!, dnsType, effectiveTtl, wire!, [.. codes!], targets);
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

    private async Task<Guid?> FindZoneIdAsync(Actor actor, Guid recordId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return (await FindAsync(db, actor, recordId, cancellationToken))?.ZoneId;
    }

    private static async Task<Record?> FindAsync(MeridianDbContext db, Actor actor, Guid recordId, CancellationToken cancellationToken)
    {
        var visible = db.Zones.Where(ZoneAccess.VisibleTo(actor));
        return await db.Records.AsNoTracking()
            .Where(r => r.Id == recordId && visible.Any(z => z.Id == r.ZoneId))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
