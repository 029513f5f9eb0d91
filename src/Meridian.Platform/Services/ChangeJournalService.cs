using System.Text.Json;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>Reads a zone's change journal, newest first: every serial, who made it, and the record sets it changed.</summary>
public sealed class ChangeJournalService
{
    private readonly PlatformDatabase _database;

    internal ChangeJournalService(PlatformDatabase database) => _database = database;

    public async Task<ServiceResult<Page<JournalEntry>>> ListAsync(Actor actor, Guid zoneId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var zone = await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
        if (zone is null || !ZoneAccess.Allows(actor, zone)) return ServiceError.DomainNotFound;
        var changes = db.ZoneChanges.AsNoTracking().Where(c => c.ZoneId == zoneId);
        int total = await changes.CountAsync(cancellationToken);
        var rows = await changes.OrderByDescending(c => c.Sequence).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<JournalEntry>([.. rows.Select(Entry)], total, page);
    }

    private static JournalEntry Entry(ZoneChange change) => new(
        change.Serial, change.At, ColumnConversions.ChangeKindToText(change.Kind), change.Principal,
        change.RecordSets is null ? null : JsonSerializer.Deserialize<List<JournalRecordSet>>(change.RecordSets, PlatformJson.Options),
        change.RecordCount);
}

/// <summary>One journal entry as the APIs show it.</summary>
public sealed record JournalEntry(long Serial, DateTime At, string Kind, string? Principal, IReadOnlyList<JournalRecordSet>? RecordSets, int? RecordCount);
