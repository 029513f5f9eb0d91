using System.Globalization;
using System.Xml.Linq;
using Meridian.Providers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Providers.Adapters;

/// <summary>Namecheap's XML API. <c>setHosts</c> replaces every host of a domain, so each change reads all hosts
/// (<c>getHosts</c>), changes only the one it must and writes every host back with its own TTL, MX preference and the
/// domain's EmailType, so the customer's other records survive. Every call is a POST form, which keeps the API key
/// out of URLs (and so out of HTTP logs); <c>getHosts</c> is marked safe to retry.</summary>
public sealed class NamecheapProvider(IServiceProvider services, IOptions<ProvidersOptions> options) : IDnsProvider
{
    public const string ProviderName = "namecheap";

    public string Name => ProviderName;

    public IReadOnlyList<string> RequiredCredentials => ["ApiUser", "Username"];

    public IProviderConnection Connect(ProviderCredentials credentials) =>
        new NamecheapConnection(services.GetRequiredService<NamecheapClient>(), credentials, options.Value.Namecheap.ClientIp);
}

/// <summary>The typed HTTP client of Namecheap's API (address from <c>Providers:Namecheap:BaseUrl</c>).</summary>
public sealed class NamecheapClient(HttpClient http)
{
    internal HttpClient Http { get; } = http;
}

internal sealed class NamecheapConnection(NamecheapClient client, ProviderCredentials credentials, string? clientIp) : IProviderConnection
{
    private const string GetHosts = "namecheap.domains.dns.getHosts";
    private const string SetHosts = "namecheap.domains.dns.setHosts";

    public async Task VerifyAsync(string domain, CancellationToken cancellationToken) => await FindZoneAsync(domain, cancellationToken);

    public async Task<ProviderZone> FindZoneAsync(string domain, CancellationToken cancellationToken)
    {
        // Namecheap knows registered domains only: try the name, then each parent, as SLD + TLD.
        ProviderException? first = null;
        foreach (string name in DomainNames.SelfAndParents(domain))
        {
            try
            {
                await ReadHostsAsync(name, cancellationToken);
                return new ProviderZone(name, name);
            }
            catch (ProviderException e) when (!e.CredentialsRefused)
            {
                first ??= e;
            }
        }
        throw first ?? new ProviderException(NamecheapProvider.ProviderName, "domain not found");
    }

    public async Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(ProviderZone zone, CancellationToken cancellationToken) =>
        [.. (await ReadHostsAsync(zone.Name, cancellationToken)).Hosts.Select(h => h.Record)];

    public Task CreateRecordAsync(ProviderZone zone, DnsRecord record, CancellationToken cancellationToken) =>
        ChangeAsync(zone, hosts => hosts.Add(new NamecheapHost(record, null)), cancellationToken);

    public Task UpdateRecordAsync(ProviderZone zone, DnsRecord existing, DnsRecord replacement, CancellationToken cancellationToken) =>
        ChangeAsync(zone, hosts =>
        {
            int index = IndexOf(hosts, existing);
            hosts[index] = hosts[index] with { Record = replacement };
        }, cancellationToken);

    public Task DeleteRecordAsync(ProviderZone zone, DnsRecord existing, CancellationToken cancellationToken) =>
        ChangeAsync(zone, hosts => hosts.RemoveAt(IndexOf(hosts, existing)), cancellationToken);

    private static int IndexOf(List<NamecheapHost> hosts, DnsRecord record)
    {
        int index = hosts.FindIndex(h => record.Id is not null ? h.Record.Id == record.Id : h.Record.SameData(record));
        return index >= 0 ? index : throw new ProviderException(NamecheapProvider.ProviderName, $"the record {record.Name} {record.Type} is no longer there");
    }

    /// <summary>Reads every host, lets <paramref name="change"/> edit the list, and writes all of them back.</summary>
    private async Task ChangeAsync(ProviderZone zone, Action<List<NamecheapHost>> change, CancellationToken cancellationToken)
    {
        var (hosts, emailType) = await ReadHostsAsync(zone.Name, cancellationToken);
        var list = hosts.ToList();
        change(list);
        var form = Parameters(SetHosts, zone.Name);
        for (int i = 0; i < list.Count; i++)
        {
            var record = list[i].Record;
            string n = (i + 1).ToString(CultureInfo.InvariantCulture);
            form["HostName" + n] = DomainNames.Relative(record.Name, zone.Name);
            form["RecordType" + n] = record.Type;
            form["Address" + n] = record.Content;
            form["TTL" + n] = record.Ttl.ToString(CultureInfo.InvariantCulture);
            if (record.Priority is { } preference) form["MXPref" + n] = preference.ToString(CultureInfo.InvariantCulture);
            else if (list[i].MxPref is { } kept) form["MXPref" + n] = kept;
        }
        if (emailType is not null) form["EmailType"] = emailType;
        var result = await SendAsync(form, repeatable: false, cancellationToken);
        var set = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "DomainDNSSetHostsResult");
        if (set?.Attribute("IsSuccess")?.Value is not ("true" or "True"))
            throw new ProviderException(NamecheapProvider.ProviderName, "setHosts did not report success");
    }

    private async Task<(IReadOnlyList<NamecheapHost> Hosts, string? EmailType)> ReadHostsAsync(string domain, CancellationToken cancellationToken)
    {
        var response = await SendAsync(Parameters(GetHosts, domain), repeatable: true, cancellationToken);
        var result = response.Descendants().FirstOrDefault(e => e.Name.LocalName == "DomainDNSGetHostsResult")
            ?? throw new ProviderException(NamecheapProvider.ProviderName, "getHosts answered without a host list");
        var hosts = result.Elements().Where(e => e.Name.LocalName.Equals("host", StringComparison.OrdinalIgnoreCase)).Select(host =>
        {
            string type = (string?)host.Attribute("Type") ?? "";
            string? mxPref = (string?)host.Attribute("MXPref");
            int? priority = type == "MX" && int.TryParse(mxPref, CultureInfo.InvariantCulture, out int p) ? p : null;
            int ttl = int.TryParse((string?)host.Attribute("TTL"), CultureInfo.InvariantCulture, out int t) ? t : 1800;
            var record = new DnsRecord(type, DomainNames.Absolute((string?)host.Attribute("Name") ?? "@", domain), (string?)host.Attribute("Address") ?? "",
                ttl, priority, (string?)host.Attribute("HostId"));
            return new NamecheapHost(record, mxPref);
        }).ToList();
        return (hosts, (string?)result.Attribute("EmailType"));
    }

    private Dictionary<string, string> Parameters(string command, string domain)
    {
        if (string.IsNullOrWhiteSpace(clientIp))
            throw new ProviderException(NamecheapProvider.ProviderName, "this server's Namecheap client address (Providers:Namecheap:ClientIp) is not configured");
        int dot = domain.IndexOf('.', StringComparison.Ordinal);
        return new Dictionary<string, string>
        {
            ["ApiUser"] = credentials.ApiUser ?? "", ["ApiKey"] = credentials.ApiKey, ["UserName"] = credentials.Username ?? "",
            ["ClientIp"] = clientIp, ["Command"] = command, ["SLD"] = domain[..dot], ["TLD"] = domain[(dot + 1)..],
        };
    }

    private async Task<XElement> SendAsync(Dictionary<string, string> form, bool repeatable, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new FormUrlEncodedContent(form) };
        request.Options.Set(ProviderHttp.Repeatable, repeatable);
        var answer = await ProviderHttp.SendAsync(client.Http, request, NamecheapProvider.ProviderName, cancellationToken);
        XElement root;
        try
        {
            root = XElement.Parse(answer.Body);
        }
        catch (System.Xml.XmlException)
        {
            throw new ProviderException(NamecheapProvider.ProviderName, $"HTTP {(int)answer.Status}: the answer is not XML", (int)answer.Status);
        }
        if (answer.Succeeded && (string?)root.Attribute("Status") == "OK") return root;
        var errors = root.Descendants().Where(e => e.Name.LocalName == "Error").ToList();
        string reason = errors.Count == 0 ? $"HTTP {(int)answer.Status}" : string.Join("; ", errors.Select(e => $"{(string?)e.Attribute("Number")}: {e.Value}"));
        // 1011xxx are Namecheap's authentication and API-access errors (wrong key or user, address not whitelisted).
        bool refused = errors.Any(e => ((string?)e.Attribute("Number"))?.StartsWith("1011", StringComparison.Ordinal) == true);
        throw new ProviderException(NamecheapProvider.ProviderName, reason, (int)answer.Status, refused);
    }
}

/// <summary>One Namecheap host: the record and its MXPref as read (Namecheap keeps one on every host, not only MX).</summary>
internal sealed record NamecheapHost(DnsRecord Record, string? MxPref);
