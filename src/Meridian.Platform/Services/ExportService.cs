using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;
using Meridian.Platform.Auth;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>BIND zone-file export: comments naming the zone, <c>$ORIGIN</c> (absolute, with the final dot),
/// <c>$TTL</c> (the most common TTL), the apex SOA and NS as served, then every record with relative owner
/// names (<c>@</c> for the apex). BIND's named-checkzone and Knot load it; importing it gives back the same
/// records (SOA and NS are skipped on import). Country codes are not part of zone files.</summary>
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
            .Select(r => new { r.Id, r.Name, r.Type, r.Ttl, r.Data }).ToListAsync(cancellationToken);

        var origin = DnsName.Parse(zone.Name);
        var records = new List<(ResourceRecord Record, Guid Id)>(rows.Count);
        foreach (var row in rows)
        {
            if (!DnsTypeNames.TryParse(row.Type, out var type) || !RdataParsing.TryParse(type, row.Data, DnsName.Root, out var wire, out _)) continue;
            records.Add((new ResourceRecord(DnsName.Parse(row.Name), type, DnsClass.IN, (uint)row.Ttl, wire), row.Id));
        }
        records.Sort((a, b) =>
        {
            int c = a.Record.Owner.CompareTo(b.Record.Owner);
            if (c == 0) c = ((ushort)a.Record.Type).CompareTo((ushort)b.Record.Type);
            return c != 0 ? c : a.Id.CompareTo(b.Id);
        });
        var apex = _apex.For(origin, (uint)zone.Serial).Select(r => new ResourceRecord(r.Owner, r.Type, DnsClass.IN, r.Ttl, r.Data));

        var text = new StringBuilder();
        text.Append("; BIND zone file\n");
        text.Append("; Domain: ").Append(zone.Name).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"; Exported by Meridian, serial {(uint)zone.Serial}, {records.Count} records\n");
        text.Append(";\n");
        text.Append(ZoneFileWriter.ToText(origin, apex.Concat(records.Select(r => r.Record))));
        return new ZoneExport(zone.Name.TrimEnd('.') + ".zone", text.ToString());
    }
}
