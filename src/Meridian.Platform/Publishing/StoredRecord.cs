using System.Collections.Concurrent;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Geo;

namespace Meridian.Platform.Publishing;

/// <summary>A record as the DNS engine and the zone rules see it: owner, type, TTL, wire RDATA, and where it is
/// answered (its parsed <c>country_codes</c>; <see cref="GeoTargetSet.Global"/> for <c>["disabled"]</c>).</summary>
internal sealed record StoredRecord(Guid Id, DnsName Owner, DnsType Type, uint Ttl, byte[] Wire, GeoTargetSet Targets)
{
    private const int MaxCachedTargetLists = 4096;

    // Zones repeat a few target lists ("US", "EU", …) many times: parse each once and share the set.
    private static readonly ConcurrentDictionary<string, GeoTargetSet> s_parsed = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, GeoTargetSet> s_parsedJson = new(StringComparer.Ordinal);

    public StoredRecord(Guid id, DnsName owner, DnsType type, uint ttl, byte[] wire)
        : this(id, owner, type, ttl, wire, GeoTargetSet.Global)
    {
    }

    /// <summary>The parsed form of stored <c>country_codes</c>. They were validated when written; a list that no longer
    /// parses (edited in the database by hand) counts as global rather than failing the zone.</summary>
    public static GeoTargetSet ParseTargets(IReadOnlyList<string> countryCodes)
    {
        if (countryCodes.Count == 0 || countryCodes is [var only] && string.Equals(only, GeoTargets.Disabled, StringComparison.OrdinalIgnoreCase))
            return GeoTargetSet.Global;
        string key = string.Join(',', countryCodes);
        if (s_parsed.TryGetValue(key, out var cached)) return cached;
        var targets = GeoTargets.TryParse(countryCodes, out var parsed, out _) ? parsed : GeoTargetSet.Global;
        if (s_parsed.Count < MaxCachedTargetLists) s_parsed.TryAdd(key, targets);
        return targets;
    }

    /// <summary>The parsed form of a stored <c>country_codes</c> column's JSON text, cached by that text: a starting
    /// server reads a million of them, nearly all alike.</summary>
    public static GeoTargetSet ParseTargetsJson(string json)
    {
        if (s_parsedJson.TryGetValue(json, out var cached)) return cached;
        GeoTargetSet targets;
        try
        {
            targets = ParseTargets(Storage.ColumnConversions.ListFromJson(json));
        }
        catch (System.Text.Json.JsonException)
        {
            targets = GeoTargetSet.Global;
        }
        if (s_parsedJson.Count < MaxCachedTargetLists) s_parsedJson.TryAdd(json, targets);
        return targets;
    }

    public bool SameData(DnsName owner, DnsType type, ReadOnlySpan<byte> wire) =>
        Type == type && Owner.Equals(owner) && Wire.AsSpan().SequenceEqual(wire);
}
