using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Records;
using Meridian.Platform.Services;
using Meridian.Providers;

namespace Meridian.Platform.EmailDns;

/// <summary>The <c>meridian</c> provider: zones hosted on this server, read and written as the caller through
/// <see cref="DomainService"/> and <see cref="RecordService"/> — the same write path, access rule, validation and
/// change journal as every API. It lives in the platform, not in Meridian.Providers, because the platform uses the
/// providers (a reference the other way would be a cycle).</summary>
internal sealed class MeridianZoneConnection(Actor actor, DomainService domains, RecordService records) : IProviderConnection
{
    public const string ProviderName = "meridian";

    public async Task VerifyAsync(string domain, CancellationToken cancellationToken) => await FindZoneAsync(domain, cancellationToken);

    public async Task<ProviderZone> FindZoneAsync(string domain, CancellationToken cancellationToken)
    {
        string name = domain.Trim().TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            var zone = await domains.FindByNameAsync(actor, name, cancellationToken);
            if (zone.Succeeded) return new ProviderZone(zone.Value.Id.ToString(), name);
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || name.IndexOf('.', dot + 1) < 0)
                throw new ProviderException(ProviderName, $"{domain} is not a domain of this account on this server");
            name = name[(dot + 1)..];
        }
    }

    public async Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(ProviderZone zone, CancellationToken cancellationToken)
    {
        var listed = await records.ListAsync(actor, Guid.Parse(zone.Id), cancellationToken);
        if (!listed.Succeeded) throw Refused(listed.Error);
        return [.. listed.Value.Select(ToRecord)];
    }

    public async Task CreateRecordAsync(ProviderZone zone, DnsRecord record, CancellationToken cancellationToken)
    {
        var created = await records.CreateAsync(actor, Guid.Parse(zone.Id), Input(record), cancellationToken);
        if (!created.Succeeded) throw Refused(created.Error);
    }

    public async Task UpdateRecordAsync(ProviderZone zone, DnsRecord existing, DnsRecord replacement, CancellationToken cancellationToken)
    {
        var updated = await records.UpdateAsync(actor, Guid.Parse(existing.Id!), Input(replacement), cancellationToken);
        if (!updated.Succeeded) throw Refused(updated.Error);
    }

    public async Task DeleteRecordAsync(ProviderZone zone, DnsRecord existing, CancellationToken cancellationToken)
    {
        var deleted = await records.DeleteAsync(actor, Guid.Parse(existing.Id!), cancellationToken);
        if (!deleted.Succeeded) throw Refused(deleted.Error);
    }

    // A TXT value in quoted presentation form is stored as those strings: a long one arrives already cut at 255 octets.
    private static RecordInput Input(DnsRecord record) => new(
        record.Name + ".", record.Type, record.Type == "TXT" ? TxtStrings.Quoted(record.Content) : record.Content, record.Ttl, record.Priority);

    private static DnsRecord ToRecord(Record record)
    {
        var (priority, value) = RecordValueRules.SplitPriority(record.Type, record.Data);
        string content = record.Type switch
        {
            "TXT" => TxtStrings.Unquote(record.Data),
            "MX" or "CNAME" or "NS" => value.TrimEnd('.'),
            _ => value,
        };
        return new DnsRecord(record.Type, record.Name.TrimEnd('.'), content, record.Ttl, record.Type == "MX" ? priority : null, record.Id.ToString());
    }

    private static ProviderException Refused(ServiceError error) => new(ProviderName, error.Message);
}
