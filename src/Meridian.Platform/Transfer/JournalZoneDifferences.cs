using System.Text.Json;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Transfer;
using Meridian.Dns.Server.Zones;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Transfer;

/// <summary>IXFR's differences, read from the change journal: the entries of the zone after the one at the client's
/// serial, each turned into the records it removed and added as a secondary sees them (a geo-targeted set goes out as
/// a client of unknown location is answered, as in AXFR). Null — and so a whole-zone answer — when the journal does
/// not reach back to that serial, an entry is summarized (a large import), or the chain does not end at the serial
/// served.</summary>
internal sealed class JournalZoneDifferences(PlatformDatabase database) : IZoneJournal
{
    /// <summary>Entries one IXFR reads at most; a secondary further behind gets the whole zone.</summary>
    public const int MaxEntries = 1000;

    public async Task<IReadOnlyList<ZoneDelta>?> ReadAsync(DnsName zone, uint fromSerial, uint toSerial, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        string name = zone.ToLower().ToString();
        var zoneId = await db.Zones.AsNoTracking().Where(z => z.Name == name && z.Environment == ApiEnvironment.Production)
            .Select(z => (Guid?)z.Id).SingleOrDefaultAsync(cancellationToken);
        if (zoneId is null) return null;
        long from = fromSerial;
        long? start = await db.ZoneChanges.AsNoTracking().Where(c => c.ZoneId == zoneId && c.Serial == from)
            .OrderByDescending(c => c.Sequence).Select(c => (long?)c.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (start is null) return null;
        var entries = await db.ZoneChanges.AsNoTracking().Where(c => c.ZoneId == zoneId && c.Sequence > start)
            .OrderBy(c => c.Sequence).Take(MaxEntries + 1).ToListAsync(cancellationToken);
        if (entries.Count == 0 || entries.Count > MaxEntries) return null;

        var deltas = new List<ZoneDelta>(entries.Count);
        uint previous = fromSerial;
        foreach (var entry in entries)
        {
            if (entry.Kind != ZoneChangeKind.RecordsChanged || entry.RecordSets is null) return null;
            var sets = JsonSerializer.Deserialize<List<JournalRecordSet>>(entry.RecordSets, PlatformJson.Options) ?? [];
            var removed = new List<ZoneRecord>();
            var added = new List<ZoneRecord>();
            foreach (var set in sets)
            {
                if (!TryDiff(set, removed, added)) return null;
            }
            deltas.Add(new ZoneDelta(previous, (uint)entry.Serial, removed, added));
            previous = (uint)entry.Serial;
        }
        return previous == toSerial ? deltas : null;
    }

    private static bool TryDiff(JournalRecordSet set, List<ZoneRecord> removed, List<ZoneRecord> added)
    {
        if (!DnsName.TryParseUserInput(set.Name, out var owner, out _) || !DnsTypeNames.TryParse(set.Type, out var type)) return false;
        var before = Visible(set.Before);
        var after = Visible(set.After);
        return TryAddMissing(owner, type, before, after, removed) && TryAddMissing(owner, type, after, before, added);
    }

    /// <summary>Adds to <paramref name="output"/> each record of <paramref name="these"/> that <paramref name="others"/> lacks.</summary>
    private static bool TryAddMissing(DnsName owner, DnsType type, List<JournalRecord> these, List<JournalRecord> others, List<ZoneRecord> output)
    {
        foreach (var record in these)
        {
            if (others.Any(o => Same(o, record))) continue;
            if (!RdataParsing.TryParse(type, record.Data, DnsName.Root, out var wire, out _)) return false;
            output.Add(new ZoneRecord(owner, type, (uint)record.Ttl, wire));
        }
        return true;
    }

    /// <summary>What a client of unknown location is answered: the set's global records, or all when none is global.</summary>
    private static List<JournalRecord> Visible(IReadOnlyList<JournalRecord> records)
    {
        var global = records.Where(IsGlobal).ToList();
        return global.Count > 0 ? global : [.. records];
    }

    private static bool IsGlobal(JournalRecord record) => StoredRecord.ParseTargets(record.CountryCodes).IsGlobal;

    private static bool Same(JournalRecord a, JournalRecord b) => a.Ttl == b.Ttl && string.Equals(a.Data, b.Data, StringComparison.Ordinal);
}
