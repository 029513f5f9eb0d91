using Meridian.Api.Tests.EmailDns.StandIns;
using Meridian.Platform.Simple;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Api.Tests.Simple;

/// <summary>The Simple API on the <c>dnsimple</c> backend: the users and blacklist of <see cref="SimpleApiHost"/>, their
/// domains held as zones by the loopback stand-in DNSimple (account <see cref="DnsimpleStandIn.Account"/>), which Meridian
/// calls as its DNSimple API.</summary>
public sealed class SimpleApiDnsimpleHost : SimpleApiHost
{
    public DnsimpleStandIn Dnsimple { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string>> CreateStorageAsync()
    {
        await Dnsimple.StartAsync();
        foreach (string domain in Users.Values.SelectMany(d => d)) Dnsimple.AddZone(domain);
        var settings = new Dictionary<string, string>(await base.CreateStorageAsync())
        {
            ["SimpleApi:Backend"] = "dnsimple",
            ["SimpleApi:DNSimple:Token"] = DnsimpleStandIn.Token,
            ["SimpleApi:DNSimple:Account"] = DnsimpleStandIn.Account.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Providers:DNSimple:BaseUrl"] = Dnsimple.BaseUrl,
            ["Providers:RetryDelay"] = "00:00:00.050",
        };
        return settings;
    }

    protected override async Task DeleteStorageAsync()
    {
        await Dnsimple.DisposeAsync();
        await base.DeleteStorageAsync();
    }

    /// <summary>The records the stand-in holds at <paramref name="name"/>, "TYPE content" each (its own SOA and NS left out).</summary>
    public Task<IReadOnlyList<string>> HeldAsync(string name) => Task.FromResult<IReadOnlyList<string>>(
        [.. Dnsimple.Records.ToArray().Where(r => r.Name == name && r.Type is not ("SOA" or "NS")).Select(r => $"{r.Type} {r.Content}")]);

    /// <summary>Every record the stand-in holds in the users' zones but its own SOA and NS: "name ttl type content".</summary>
    public IReadOnlyList<string> HeldRecords() =>
        [.. Dnsimple.Records.ToArray().Where(r => r.Type is not ("SOA" or "NS")).Select(r => r.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>The dnsimple backend's rows as sorted lines: id, key, target, TTL, DNSimple's id, creator, times.</summary>
    public async Task<IReadOnlyList<string>> RowsAsync()
    {
        await using var db = Service<PlatformDatabase>().CreateContext();
        var rows = await db.SimpleRecords.AsNoTracking().Where(s => s.Backend == SimpleApiBackends.DNSimple).ToListAsync();
        return [.. rows.Select(r => $"{r.Id} {r.DomainKey} {r.To} {r.Ttl} {r.ProviderRecordId} {r.CreatedBy} {r.CreatedAt:O} {r.UpdatedAt:O}").Order(StringComparer.Ordinal)];
    }
}
