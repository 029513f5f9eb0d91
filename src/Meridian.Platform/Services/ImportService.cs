using System.Text;
using Meridian.Dns.Names;
using Meridian.Geo;
using Meridian.Platform.Auth;
using Meridian.Platform.Import;
using Meridian.Platform.Model;
using Meridian.Platform.Naming;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>BIND zone-file import. The zone is the one named by the caller, else the file's first
/// <c>$ORIGIN</c>, else its SOA owner, else the caller's zone that holds the first record, else the
/// registrable domain (Public Suffix List) of the first record's name. A missing zone is created (the domain
/// limit applies); another account's zone is a conflict. SOA and apex NS records are skipped; every other record
/// is checked like an API write, refused ones are reported one by one, and the accepted ones are written in
/// one transaction with one serial change. A file with no acceptable record changes nothing.</summary>
public sealed class ImportService
{
    private const int ErrorsInSummary = 5;

    private readonly PlatformDatabase _database;
    private readonly ZoneNameRules _names;
    private readonly ZoneCreation _creation;
    private readonly ZoneWriter _writer;

    internal ImportService(PlatformDatabase database, ZoneNameRules names, ZoneCreation creation, ZoneWriter writer)
    {
        _database = database;
        _names = names;
        _creation = creation;
        _writer = writer;
    }

    public Task<ServiceResult<ImportOutcome>> ImportBindAsync(Actor actor, string zoneFile, string? domain = null, CancellationToken cancellationToken = default) =>
        ImportBindAsync(actor, Encoding.UTF8.GetBytes(zoneFile ?? ""), domain, cancellationToken);

    public async Task<ServiceResult<ImportOutcome>> ImportBindAsync(Actor actor, byte[] zoneFile, string? domain = null, CancellationToken cancellationToken = default)
    {
        var origin = await ChooseZoneAsync(actor, zoneFile, domain, cancellationToken);
        if (!origin.Succeeded) return origin.Error;
        if (!BindFileReader.TryRead(zoneFile, origin.Value, out var contents, out string? syntaxError)) return ServiceError.Validation(syntaxError);

        string zoneName = origin.Value.ToString();
        var environment = actor.Environment;
        Zone? existing;
        await using (var db = _database.CreateContext())
        {
            existing = await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Name == zoneName && z.Environment == environment, cancellationToken);
        }
        if (existing is not null && existing.AccountId != actor.AccountId)
            return ServiceError.Conflict($"Domain {zoneName} is already hosted by another account");
        if (existing is not null && !ZoneAccess.Allows(actor, existing))
            return ServiceError.Conflict($"Domain {zoneName} already exists");
        if (existing is not null)
            return await _writer.WriteAsync<ImportOutcome>(actor, existing.Id, context => ApplyAsync(context, contents, zoneCreated: false, cancellationToken), cancellationToken);
        return await _creation.CreateAsync<ImportOutcome>(actor, origin.Value, null, context => ApplyAsync(context, contents, zoneCreated: true, cancellationToken), cancellationToken);
    }

    private async Task<ServiceResult<DnsName>> ChooseZoneAsync(Actor actor, byte[] zoneFile, string? domain, CancellationToken cancellationToken)
    {
        string? candidate = domain;
        if (string.IsNullOrWhiteSpace(candidate))
        {
            var declared = BindFileReader.FindDeclaredOrigin(zoneFile, out var firstOwner);
            if (declared is not null) candidate = declared.ToString();
            else if (firstOwner is not null) candidate = await InferZoneAsync(actor, firstOwner, cancellationToken);
            if (candidate is null)
                return ServiceError.Validation("Cannot tell which domain the zone file is for: start it with $ORIGIN example.com. or use absolute record names");
        }
        if (!_names.TryNormalize(candidate, out var name, out string? error)) return ServiceError.Validation(error);
        return name;
    }

    /// <summary>The caller's own zone that holds the name (the longest), else the name's registrable domain.</summary>
    private async Task<string?> InferZoneAsync(Actor actor, DnsName firstOwner, CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        for (var name = firstOwner; !name.IsRoot; name = name.Parent()) candidates.Add(name.ToString());
        await using var db = _database.CreateContext();
        var owned = await db.Zones.AsNoTracking()
            .Where(ZoneAccess.VisibleTo(actor))
            .Where(z => candidates.Contains(z.Name))
            .Select(z => z.Name).ToListAsync(cancellationToken);
        if (owned.Count > 0) return owned.MaxBy(n => n.Length);
        string? registrable = _names.PublicSuffixes.RegistrableDomain(firstOwner.ToString());
        return registrable is null ? null : registrable + ".";
    }

    /// <summary>The record's country codes from its <c>; meridian:</c> comment, checked like an API write's; null
    /// when they are fine (or absent), else the problem.</summary>
    private static string? ReadTargets(ImportCandidate candidate, ref string[] codes, ref GeoTargetSet targets)
    {
        if (candidate.CountryCodes is null) return null;
        if (!GeoTargetRules.TryNormalize(candidate.CountryCodes, out var normalized, out string? error)) return error;
        codes = [.. normalized];
        targets = StoredRecord.ParseTargets(normalized);
        return null;
    }

    private static async Task<ServiceResult<ImportOutcome>> ApplyAsync(ZoneWriteContext context, ZoneFileContents file, bool zoneCreated, CancellationToken cancellationToken)
    {
        var errors = new List<string>(file.Errors);
        var accepted = new List<Record>(file.Records.Count);
        var stored = new List<StoredRecord>(file.Records.Count);
        string[] global = [.. GeoTargetRules.Global];
        DnsName? lastOwner = null;
        string lastOwnerText = "";
        context.Contents.EnsureRoomFor(file.Records.Count);
        foreach (var candidate in file.Records)
        {
            string[] codes = global;
            var targets = GeoTargetSet.Global;
            string? problem = RecordTypeRules.CheckAllowed(candidate.Type)
                ?? DnsLabels.FindProblem(candidate.Owner, allowUnderscore: true, allowWildcard: true)
                ?? RecordLimits.CheckTtl(candidate.Ttl)
                ?? ReadTargets(candidate, ref codes, ref targets)
                ?? RecordSetRules.Check(context.Contents, candidate.Owner, candidate.Type, candidate.Wire, targets, null);
            if (problem is not null)
            {
                errors.Add($"Line {candidate.Line}: Failed to create record {candidate.Owner} {RecordTypeRules.Name(candidate.Type)}: {problem}");
                continue;
            }
            // Records of one owner come together; print its name once.
            if (!ReferenceEquals(candidate.Owner, lastOwner)) (lastOwner, lastOwnerText) = (candidate.Owner, candidate.Owner.ToString());
            var record = RecordSets.NewRecord(context, new RecordDraft(candidate.Owner, candidate.Type, candidate.Ttl, candidate.Wire, codes, targets), lastOwnerText);
            var entry = new StoredRecord(record.Id, candidate.Owner, candidate.Type, candidate.Ttl, candidate.Wire, targets);
            // Checked against the zone and the records accepted before it.
            context.Contents.Add(entry);
            accepted.Add(record);
            stored.Add(entry);
        }
        if (accepted.Count == 0)
        {
            string reason = errors.Count > 0
                ? ": " + string.Join("; ", errors.Take(ErrorsInSummary)) + (errors.Count > ErrorsInSummary ? $"; and {errors.Count - ErrorsInSummary} more" : "")
                : file.Skipped > 0 ? " (SOA and NS records are skipped: the platform serves its own)" : "";
            return ServiceError.Validation("No valid records found in the zone file" + reason);
        }
        context.MarkChanged();
        await RecordBulkWriter.InsertAsync(context.Transaction, accepted, cancellationToken);
        // Sets that already had records with another TTL follow the imported TTL.
        var seen = new HashSet<(DnsName, Meridian.Dns.Records.DnsType)>();
        foreach (var entry in stored)
        {
            if (seen.Add((entry.Owner, entry.Type)) && RecordSetRules.SetTtl(context.Contents, entry.Owner, entry.Type, entry.Id) is { } ttl && ttl != entry.Ttl)
                RecordSets.AlignTtl(context, entry.Owner, entry.Type, entry.Ttl, entry.Id);
        }
        context.Audit("zone.import", null, null, AuditSnapshots.Of(new { records_created = accepted.Count, errors = errors.Count, skipped = file.Skipped }));
        return new ImportOutcome(context.Zone, zoneCreated, accepted, errors, file.Skipped);
    }
}
