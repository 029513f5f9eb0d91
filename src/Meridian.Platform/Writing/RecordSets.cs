using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Writing;

/// <summary>Record-set bookkeeping shared by the record calls and the import.</summary>
internal static class RecordSets
{
    public static Record NewRecord(ZoneWriteContext context, RecordDraft draft, string? ownerText = null) => new()
    {
        Id = RowIds.NewVersion7(),
        ZoneId = context.Zone.Id,
        Name = ownerText ?? draft.Owner.ToString(),
        Type = RecordTypeRules.Name(draft.Type),
        Ttl = (int)draft.Ttl,
        Data = RdataParsing.Format(draft.Type, draft.Wire),
        CountryCodes = draft.CountryCodes,
        CreatedAt = context.Now,
        UpdatedAt = context.Now,
    };

    /// <summary>All records of one name and type share one TTL (RFC 2181 §5.2; BIND and Knot would
    /// otherwise change it on load, and export -> import would not give the records back): a record
    /// written with a TTL brings the rest of its set to that TTL.</summary>
    public static void AlignTtl(ZoneWriteContext context, DnsName owner, DnsType type, uint ttl, Guid except)
    {
        List<StoredRecord>? stale = null;
        foreach (var sibling in context.Contents.At(owner))
        {
            if (sibling.Type == type && sibling.Id != except && sibling.Ttl != ttl) (stale ??= []).Add(sibling);
        }
        if (stale is null) return;
        foreach (var sibling in stale) context.Contents.Replace(sibling with { Ttl = ttl });
        var ids = stale.Select(s => s.Id).ToList();
        int newTtl = (int)ttl;
        foreach (var id in ids) context.Statements.SetRecordTtl(id, newTtl, context.Now);
        context.Audit("record.ttl_aligned", null, null, AuditSnapshots.Of(new { name = owner.ToString(), type = RecordTypeRules.Name(type), ttl = newTtl, records = ids }));
    }
}
