using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;
using Meridian.Geo;
using Meridian.Platform.Auth;
using Meridian.Platform.Import;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>BIND zone-file export: comments naming the zone, <c>$ORIGIN</c> (absolute, with the final dot),
/// <c>$TTL</c> (the most common TTL), the apex SOA and NS as served, then every record with relative owner
/// names (<c>@</c> for the apex). BIND's named-checkzone and Knot load it; importing it gives back the same
/// records (SOA and NS are skipped on import). GeoDNS targets travel in <c>; meridian:</c> comments
/// (<see cref="GeoComments"/>): a set's records answered everywhere are its ordinary lines and its variants are
/// comment lines; a set with no such record has the records of its first variant (by country codes, in
/// ordinal order) as ordinary lines (what BIND then
/// serves to everyone) and the other variants as comment lines. This goes beyond the Client API spec, which
/// leaves country codes out of exports: without them an export could not be restored.</summary>
public sealed class ExportService
{
    private readonly PlatformDatabase _database;
    private readonly ApexRecords _apex;

    internal ExportService(PlatformDatabase database, ApexRecords apex)
    {
        _database = database;
        _apex = apex;
    }

    public async Task<ServiceResult<ZoneExport>> ExportBindAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var zone = await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
        if (zone is null || !ZoneAccess.Allows(actor, zone)) return ServiceError.DomainNotFound;
        var rows = await db.Records.AsNoTracking().Where(r => r.ZoneId == zoneId)
            .Select(r => new { r.Id, r.Name, r.Type, r.Ttl, r.Data, r.CountryCodes }).ToListAsync(cancellationToken);

        var origin = DnsName.Parse(zone.Name);
        var records = new List<(ResourceRecord Record, string Data, string[] Codes)>(rows.Count);
        foreach (var row in rows)
        {
            if (!DnsTypeNames.TryParse(row.Type, out var type) || !RdataParsing.TryParse(type, row.Data, DnsName.Root, out var wire, out _)) continue;
            string[] codes = [.. StoredRecord.ParseTargets(row.CountryCodes).ToCodes()];
            records.Add((new ResourceRecord(DnsName.Parse(row.Name), type, DnsClass.IN, (uint)row.Ttl, wire), row.Data, codes));
        }
        // Within a set: records answered everywhere first, then the variants by their codes; the order depends on
        // nothing an import changes, so export -> import -> export gives the same file.
        records.Sort((a, b) =>
        {
            int c = a.Record.Owner.CompareTo(b.Record.Owner);
            if (c == 0) c = ((ushort)a.Record.Type).CompareTo((ushort)b.Record.Type);
            if (c == 0) c = IsGlobal(b.Codes).CompareTo(IsGlobal(a.Codes));
            if (c == 0) c = string.CompareOrdinal(string.Join(',', a.Codes), string.Join(',', b.Codes));
            return c != 0 ? c : string.CompareOrdinal(a.Data, b.Data);
        });
        var apex = _apex.For(origin, (uint)zone.Serial).Select(r => new ResourceRecord(r.Owner, r.Type, DnsClass.IN, r.Ttl, r.Data));

        var text = new StringBuilder();
        text.Append("; BIND zone file\n");
        text.Append("; Domain: ").Append(zone.Name).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"; Exported by Meridian, serial {(uint)zone.Serial}, {records.Count} records\n");
        var annotated = Annotate(records.ConvertAll(r => (r.Record, r.Codes)));
        if (annotated.Any(r => r.Comment is not null))
            text.Append("; GeoDNS: '; meridian: country_codes=' comments hold each record's locations; see docs/zone-files.md\n");
        text.Append(";\n");
        using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
        ZoneFileWriter.Write(writer, origin, apex.Select(r => new AnnotatedRecord(r)).Concat(annotated));
        return new ZoneExport(zone.Name.TrimEnd('.') + ".zone", text.ToString());
    }

    private static bool IsGlobal(string[] codes) => codes is [GeoTargetRules.Disabled];

    /// <summary>Each record with its GeoDNS comment, records sorted by owner and type: variants become comment
    /// lines unless they are the records a zone file shows for their set (see the class summary).</summary>
    private static List<AnnotatedRecord> Annotate(List<(ResourceRecord Record, string[] Codes)> records)
    {
        var annotated = new List<AnnotatedRecord>(records.Count);
        for (int start = 0; start < records.Count;)
        {
            int end = start;
            while (end < records.Count && records[end].Record.Type == records[start].Record.Type && records[end].Record.Owner.Equals(records[start].Record.Owner)) end++;
            // The records a plain zone file shows for the set: those answered everywhere, else the first variant.
            bool hasGlobal = false;
            for (int i = start; i < end; i++) hasGlobal |= StoredRecord.ParseTargets(records[i].Codes).IsGlobal;
            var shown = hasGlobal ? GeoTargetSet.Global : StoredRecord.ParseTargets(records[start].Codes);
            for (int i = start; i < end; i++)
            {
                var (record, codes) = records[i];
                var targets = StoredRecord.ParseTargets(codes);
                annotated.Add(targets.IsGlobal
                    ? new AnnotatedRecord(record)
                    : new AnnotatedRecord(record, GeoComments.For(targets.ToCodes()), CommentedOut: !targets.Equals(shown)));
            }
            start = end;
        }
        return annotated;
    }
}
