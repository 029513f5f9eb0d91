using Meridian.Platform.Model;

namespace Meridian.Web.Interface.Records;

/// <summary>A zone's records grouped by name and type (a record set), filtered by a search and sorted as the table's
/// header asks.</summary>
public sealed record RecordGroup(string Name, string Type, IReadOnlyList<Record> Records);

public static class RecordGroups
{
    public static readonly IReadOnlyList<string> SortKeys = ["name", "type", "ttl", "value"];

    public static IReadOnlyList<RecordGroup> Build(IEnumerable<Record> records, string zoneName, string? search, string? sort, bool descending)
    {
        string term = (search ?? "").Trim();
        var matching = term.Length == 0 ? records : records.Where(record =>
            RecordDisplay.RelativeName(record.Name, zoneName).Contains(term, StringComparison.OrdinalIgnoreCase)
            || record.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
            || record.Type.Equals(term, StringComparison.OrdinalIgnoreCase)
            || record.Data.Contains(term, StringComparison.OrdinalIgnoreCase));
        var groups = matching.GroupBy(record => (record.Name, record.Type))
            .Select(group => new RecordGroup(group.Key.Name, group.Key.Type, [.. group.OrderBy(r => r.Data, StringComparer.Ordinal)]));
        IOrderedEnumerable<RecordGroup> ordered = (sort ?? "name") switch
        {
            "type" => Order(groups, g => g.Type, descending).ThenBy(g => NameKey(g.Name, zoneName), StringComparer.Ordinal),
            "ttl" => Order(groups, g => g.Records[0].Ttl, descending).ThenBy(g => NameKey(g.Name, zoneName), StringComparer.Ordinal),
            "value" => Order(groups, g => g.Records[0].Data, descending),
            _ => Order(groups, g => NameKey(g.Name, zoneName), descending).ThenBy(g => g.Type, StringComparer.Ordinal),
        };
        return [.. ordered];
    }

    /// <summary>The apex first, then names in alphabetical order of their labels from the right (mail, www.mail, www).</summary>
    private static string NameKey(string name, string zoneName) =>
        string.Equals(name, zoneName, StringComparison.OrdinalIgnoreCase) ? "" : string.Join('.', RecordDisplay.RelativeName(name, zoneName).Split('.').Reverse());

    private static IOrderedEnumerable<RecordGroup> Order<TKey>(IEnumerable<RecordGroup> groups, Func<RecordGroup, TKey> key, bool descending) =>
        descending ? groups.OrderByDescending(key, Comparer<TKey>.Default) : groups.OrderBy(key, Comparer<TKey>.Default);
}
