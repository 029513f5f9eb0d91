using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>Writes records as an RFC 1035 zone file that BIND and Knot load: <c>$ORIGIN</c> (absolute) and
/// <c>$TTL</c> first, owners relative to the origin (<c>@</c> for the apex, on every line; records grouped
/// by owner), the apex first with its SOA leading, and data in each type's presentation form (types with no
/// presentation form of their own, or unknown in the zone's class, as RFC 3597 <c>TYPEnnn \# …</c>).
/// Records keep their order within an owner. An RRset should have one TTL: readers give later records of
/// an RRset the first one's TTL.</summary>
public static class ZoneFileWriter
{
    /// <param name="defaultTtl">The <c>$TTL</c> to write; null picks the most common TTL. Records with
    /// another TTL carry their own.</param>
    public static void Write(TextWriter output, DnsName origin, IEnumerable<ResourceRecord> records, uint? defaultTtl = null) =>
        Write(output, origin, records.Select(record => new AnnotatedRecord(record)), defaultTtl);

    /// <summary>As above, each record with an optional comment: after the record on its line, or, for a record
    /// that must not be loaded by other readers, the comment followed by the record on a comment line.</summary>
    public static void Write(TextWriter output, DnsName origin, IEnumerable<AnnotatedRecord> records, uint? defaultTtl = null)
    {
        var owners = GroupByOwner(origin, records);
        uint ttl = defaultTtl ?? MostCommonTtl(owners);
        output.Write("$ORIGIN ");
        output.Write(origin.ToString());
        output.Write('\n');
        output.Write("$TTL ");
        output.Write(ttl.ToString(CultureInfo.InvariantCulture));
        output.Write('\n');

        var line = new StringBuilder();
        foreach (var group in owners)
        {
            for (int i = 0; i < group.Count; i++)
            {
                var (record, comment, commentedOut) = group[i];
                line.Clear();
                if (comment is not null && commentedOut) line.Append("; ").Append(comment).Append(' ');
                AppendRecord(line, record, origin, ttl);
                if (comment is not null && !commentedOut) line.Append("\t; ").Append(comment);
                line.Append('\n');
                output.Write(line);
            }
        }
        output.Flush();
    }

    private static void AppendRecord(StringBuilder line, ResourceRecord record, DnsName origin, uint ttl)
    {
        // Every line names its owner, as the Client API's export example does: a line can be
        // read, grepped or moved on its own.
        line.Append(record.Owner.ToString(origin));
        line.Append('\t');
        if (record.Ttl != ttl) line.Append(record.Ttl.ToString(CultureInfo.InvariantCulture));
        line.Append('\t').Append(DnsTypeNames.ToName(record.Class)).Append('\t');
        // Data we only know in the generic form goes out as TYPEnnn, which every RFC 3597 reader
        // takes even when it does not know the mnemonic (Knot has no NULL, for instance).
        if (ClassSpecificTypes.RequiresGenericForm(record.Class, record.Type) || RdataFormats.Find(record.Type) is null)
        {
            line.Append("TYPE").Append(((ushort)record.Type).ToString(CultureInfo.InvariantCulture)).Append('\t');
            GenericRdataFormat.Instance.TryFormat(record.Data, line);
        }
        else
        {
            line.Append(DnsTypeNames.ToName(record.Type)).Append('\t');
            RdataText.Format(record.Type, record.Data, line);
        }
    }

    /// <summary>The zone file as a string.</summary>
    public static string ToText(DnsName origin, IEnumerable<ResourceRecord> records, uint? defaultTtl = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, origin, records, defaultTtl);
        return writer.ToString();
    }

    /// <summary>Owners in order of first appearance, the apex first and its SOA records leading.</summary>
    private static List<List<AnnotatedRecord>> GroupByOwner(DnsName origin, IEnumerable<AnnotatedRecord> records)
    {
        var byOwner = new Dictionary<DnsName, List<AnnotatedRecord>>();
        var order = new List<List<AnnotatedRecord>>();
        foreach (var entry in records)
        {
            if (!byOwner.TryGetValue(entry.Record.Owner, out var group))
            {
                byOwner.Add(entry.Record.Owner, group = []);
                order.Add(group);
            }
            group.Add(entry);
        }
        if (byOwner.TryGetValue(origin, out var apex))
        {
            order.Remove(apex);
            order.Insert(0, [.. apex.Where(r => r.Record.Type == DnsType.SOA), .. apex.Where(r => r.Record.Type != DnsType.SOA)]);
        }
        return order;
    }

    private static uint MostCommonTtl(List<List<AnnotatedRecord>> owners)
    {
        var counts = new Dictionary<uint, int>();
        foreach (var (record, _, _) in owners.SelectMany(group => group))
            counts[record.Ttl] = counts.GetValueOrDefault(record.Ttl) + 1;
        return counts.Count == 0 ? 3600 : counts.MaxBy(kv => kv.Value).Key;
    }
}
