using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Server.Update;
using Meridian.Dns.Wire;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Meridian.Platform.Transfer;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.DynamicUpdate;

/// <summary>Applies RFC 2136 UPDATE messages through the platform's one write path (<see cref="ZoneWriter"/>): the zone's
/// lock and transaction, the record rules of the APIs, one new serial, a <see cref="ZoneChange"/> attributed to the key
/// (<c>tsig:NAME</c>), publication to DNS and NOTIFY before the answer goes out. Prerequisites are checked inside the
/// transaction, so they and the change see the same zone; a failing prerequisite or a refused record leaves it untouched.</summary>
internal sealed class DnsUpdateService(PlatformDatabase database, TsigKeyring keyring, ApexRecords apex, Func<ZoneWriter> writer) : IDnsUpdateHandler
{
    /// <summary>The problem code of a record whose RDATA cannot be read: the answer is FORMERR rather than REFUSED.</summary>
    private const string MalformedCode = "malformed_rdata";

    public async Task<DnsRcode> ApplyAsync(UpdateMessage update, TsigKey key, CancellationToken cancellationToken)
    {
        var entry = keyring.Entry(key.Name);
        if (entry is null) return DnsRcode.Refused;
        string zoneName = update.Zone.ToString();
        Guid zoneId, accountId;
        await using (var db = database.CreateContext())
        {
            var zone = await db.Zones.AsNoTracking()
                .Where(z => z.Name == zoneName && z.Environment == ApiEnvironment.Production)
                .Select(z => new { z.Id, z.AccountId, z.Active })
                .SingleOrDefaultAsync(cancellationToken);
            // RFC 2136 §3.1.2: a zone we are not authoritative for is NOTAUTH.
            if (zone is null || !zone.Active) return DnsRcode.NotAuth;
            if (!UpdateKeyScope.MayChange(entry, update)) return DnsRcode.Refused;
            // A suspended account's zones stay served but take no changes, by UPDATE as by the APIs.
            bool suspended = await db.Accounts.AnyAsync(a => a.Id == zone.AccountId && a.SuspendedAt != null, cancellationToken);
            if (suspended) return DnsRcode.Refused;
            zoneId = zone.Id;
            accountId = zone.AccountId;
        }
        var actor = Actor.ForAccount(accountId) with { NamedPrincipal = PrincipalOf(entry) };
        var result = await writer().WriteAsync(actor, zoneId, ServiceError.DomainNotFound, context => ApplyAsync(context, update, cancellationToken), cancellationToken);
        if (result.Succeeded) return result.Value;
        if (result.Error.Kind == ServiceErrorKind.NotFound) return DnsRcode.NotAuth;
        return result.Error.Problems.Any(p => p.Code == MalformedCode) ? DnsRcode.FormErr : DnsRcode.Refused;
    }

    /// <summary>How the journal names the key: <c>tsig:NAME</c>, or its id when the name is too long for the column.</summary>
    internal static string PrincipalOf(TsigKeyEntry key)
    {
        string named = "tsig:" + key.Name;
        return named.Length <= 64 ? named : "tsig:" + key.Id;
    }

    private async Task<ServiceResult<DnsRcode>> ApplyAsync(ZoneWriteContext context, UpdateMessage update, CancellationToken cancellationToken)
    {
        var origin = context.Contents.Origin;
        var view = new ZoneContentsView(context.Contents, [.. apex.For(origin, (uint)context.Zone.Serial)]);
        var prerequisites = UpdateRules.CheckPrerequisites(update.Prerequisites, view);
        if (prerequisites != DnsRcode.NoError) return prerequisites;
        // RFC 2136 §3.4.2: the updates in order, each seeing what the ones before it did.
        foreach (var record in update.Updates)
        {
            if (UpdateRules.IsApexInfrastructure(origin, record.Owner, record.Type) && UpdateMessage.OperationOf(record) != UpdateOperation.Add)
                continue; // §3.4.2.3, §3.4.2.4: the SOA and apex NS are never deleted
            var error = UpdateMessage.OperationOf(record) switch
            {
                UpdateOperation.Add => await AddAsync(context, record, cancellationToken),
                UpdateOperation.DeleteRRset => await DeleteAsync(context, record.Owner, r => r.Type == record.Type, cancellationToken),
                UpdateOperation.DeleteName => await DeleteAsync(context, record.Owner, _ => true, cancellationToken),
                _ => await DeleteAsync(context, record.Owner, r => r.Type == record.Type && UpdateRules.SameData(r.Type, r.Wire, record.Data), cancellationToken),
            };
            if (error is not null) return error;
        }
        return DnsRcode.NoError;
    }

    /// <summary>RFC 2136 §3.4.2.2: an addition that repeats a record only sets its RRset's TTL; a CNAME replaces the
    /// name's CNAME and is ignored beside other data, as other data is beside a CNAME. The SOA is the platform's (its
    /// serial moves with every change), so an SOA addition is ignored. Anything else goes through the record rules of
    /// the APIs, and a record they refuse refuses the whole update.</summary>
    private static async Task<ServiceError?> AddAsync(ZoneWriteContext context, UpdateRecord record, CancellationToken cancellationToken)
    {
        if (record.Type == DnsType.SOA) return null;
        var existing = context.Contents.At(record.Owner);
        if (record.Type == DnsType.CNAME && existing.Any(r => r.Type != DnsType.CNAME)) return null;
        if (record.Type != DnsType.CNAME && existing.Any(r => r.Type == DnsType.CNAME)) return null;
        if (existing.Any(r => r.Type == record.Type && UpdateRules.SameData(r.Type, r.Wire, record.Data)))
        {
            if (record.Type == DnsType.CNAME || existing.All(r => r.Type != record.Type || r.Ttl == record.Ttl)) return null;
            if (RecordLimits.CheckTtl(record.Ttl) is { } ttlProblem) return ServiceError.Validation(ttlProblem, "ttl", "invalid_ttl");
            RecordSets.AlignTtl(context, record.Owner, record.Type, record.Ttl, Guid.Empty);
            context.MarkChanged();
            return null;
        }
        if (record.Type == DnsType.CNAME && await DeleteAsync(context, record.Owner, r => r.Type == DnsType.CNAME, cancellationToken) is { } refused)
            return refused;
        string value;
        try
        {
            value = RdataText.Format(record.Type, record.Data);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return ServiceError.Validation($"the {RecordTypeRules.Name(record.Type)} data of {record.Owner} cannot be read", "value", MalformedCode);
        }
        var created = RecordService.Create(context, new RecordInput(record.Owner.ToString(), RecordTypeRules.Name(record.Type), value, record.Ttl));
        return created.Succeeded ? null : created.Error;
    }

    private static async Task<ServiceError?> DeleteAsync(ZoneWriteContext context, DnsName owner, Func<StoredRecord, bool> matches, CancellationToken cancellationToken)
    {
        var doomed = context.Contents.At(owner).Where(matches).Select(r => r.Id).ToList();
        foreach (var id in doomed)
        {
            // The record may have been added earlier in this update: its row goes to the database first.
            await context.Statements.FlushAsync(cancellationToken);
            var deleted = await RecordService.DeleteAsync(context, id, cancellationToken);
            if (!deleted.Succeeded) return deleted.Error;
        }
        return null;
    }
}
