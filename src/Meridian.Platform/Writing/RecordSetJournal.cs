using System.Text.Json;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Writing;

/// <summary>Remembers, for one change, each record set (owner, type) as it was before the change first touched it,
/// so the journal can say what every set held before and after. <see cref="ZoneContents"/> calls
/// <see cref="Capture"/> before each addition or removal, which makes every write path journaled without each
/// having to remember to.</summary>
internal sealed class RecordSetJournal
{
    /// <summary>Record sets one journal entry lists at most; a larger change (a big import into an existing zone)
    /// is summarized by its count, and readers that need the records (IXFR) fall back to the whole zone.</summary>
    public const int MaxRecordSets = 10_000;

    private readonly Dictionary<(DnsName Owner, DnsType Type), StoredRecord[]> _before = [];

    /// <summary>True when the change touched more sets than one entry lists.</summary>
    public bool TooLarge => _before.Count > MaxRecordSets;

    public void Capture(ZoneContents contents, DnsName owner, DnsType type)
    {
        if (_before.ContainsKey((owner, type)) || TooLarge) return;
        var set = contents.At(owner).Where(r => r.Type == type).ToArray();
        _before.Add((owner, type), set);
    }

    /// <summary>The JSON array of changed sets with their records before and after, sets that ended as they began
    /// left out; ordered by name and type so the same change always reads the same.</summary>
    public string ToJson(ZoneContents contents)
    {
        var sets = new List<JournalRecordSet>(_before.Count);
        foreach (var ((owner, type), before) in _before.OrderBy(e => e.Key.Owner.ToString(), StringComparer.Ordinal).ThenBy(e => (int)e.Key.Type))
        {
            var after = contents.At(owner).Where(r => r.Type == type).ToArray();
            if (before.Length == after.Length && before.All(b => after.Any(a => ReferenceEquals(a, b)))) continue;
            sets.Add(new JournalRecordSet(owner.ToString(), RecordTypeRules.Name(type), [.. before.Select(Describe)], [.. after.Select(Describe)]));
        }
        return JsonSerializer.Serialize(sets, PlatformJson.Options);
    }

    private static JournalRecord Describe(StoredRecord record) =>
        new(record.Id, (int)record.Ttl, RdataParsing.Format(record.Type, record.Wire),
            record.Targets.IsGlobal ? [.. GeoTargetRules.Global] : [.. record.Targets.ToCodes()]);
}

/// <summary>One record set in the journal: its records before and after the change.</summary>
public sealed record JournalRecordSet(string Name, string Type, IReadOnlyList<JournalRecord> Before, IReadOnlyList<JournalRecord> After);

/// <summary>One record in the journal, in canonical presentation form.</summary>
public sealed record JournalRecord(Guid Id, int Ttl, string Data, IReadOnlyList<string> CountryCodes);
