using System.Net;
using System.Text.Json;
using Meridian.Providers.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Providers.Adapters;

/// <summary>GoDaddy Domains API v1 with a key and secret (<c>Authorization: sso-key KEY:SECRET</c>). Records of one
/// type and name are a set GoDaddy replaces as a whole (<c>PUT …/records/{type}/{name}</c>), so an update or delete
/// of one record writes the rest of its set back unchanged; the whole-zone PUT is never used.</summary>
public sealed class GoDaddyProvider(IServiceProvider services) : IDnsProvider
{
    public const string ProviderName = "godaddy";

    public string Name => ProviderName;

    public IReadOnlyList<string> RequiredCredentials => ["ApiSecret"];

    public IProviderConnection Connect(ProviderCredentials credentials) =>
        new GoDaddyConnection(services.GetRequiredService<GoDaddyClient>(), credentials);
}

/// <summary>The typed HTTP client of GoDaddy's API (base address from <c>Providers:GoDaddy:BaseUrl</c>).</summary>
public sealed class GoDaddyClient(HttpClient http)
{
    internal HttpClient Http { get; } = http;
}

internal sealed class GoDaddyConnection(GoDaddyClient client, ProviderCredentials credentials) : IProviderConnection
{
    public async Task VerifyAsync(string domain, CancellationToken cancellationToken) => await FindZoneAsync(domain, cancellationToken);

    public async Task<ProviderZone> FindZoneAsync(string domain, CancellationToken cancellationToken)
    {
        ProviderException? notFound = null;
        foreach (string name in DomainNames.SelfAndParents(domain))
        {
            try
            {
                using var _ = await SendAsync(HttpMethod.Get, $"v1/domains/{Uri.EscapeDataString(name)}", null, cancellationToken);
                return new ProviderZone(name, name);
            }
            catch (ProviderException e) when (e.Status == (int)HttpStatusCode.NotFound)
            {
                notFound ??= e;
            }
        }
        throw notFound ?? new ProviderException(GoDaddyProvider.ProviderName, "domain not found");
    }

    public async Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(ProviderZone zone, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(HttpMethod.Get, $"v1/domains/{Uri.EscapeDataString(zone.Id)}/records", null, cancellationToken);
        return [.. answer!.RootElement.EnumerateArray().Select(item => ToRecord(item, zone))];
    }

    public async Task CreateRecordAsync(ProviderZone zone, DnsRecord record, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Patch, $"v1/domains/{Uri.EscapeDataString(zone.Id)}/records", new[] { Body(record, zone) }, cancellationToken);
    }

    public async Task UpdateRecordAsync(ProviderZone zone, DnsRecord existing, DnsRecord replacement, CancellationToken cancellationToken)
    {
        var set = await SetOfAsync(zone, existing, cancellationToken);
        var kept = set.Where(r => !r.SameData(existing)).Select(r => Body(r, zone)).Append(Body(replacement, zone)).ToArray();
        using var _ = await SendAsync(HttpMethod.Put, SetPath(zone, replacement), kept, cancellationToken);
    }

    public async Task DeleteRecordAsync(ProviderZone zone, DnsRecord existing, CancellationToken cancellationToken)
    {
        var rest = (await SetOfAsync(zone, existing, cancellationToken)).Where(r => !r.SameData(existing)).Select(r => Body(r, zone)).ToArray();
        if (rest.Length > 0)
        {
            using var kept = await SendAsync(HttpMethod.Put, SetPath(zone, existing), rest, cancellationToken);
            return;
        }
        using var _ = await SendAsync(HttpMethod.Delete, SetPath(zone, existing), null, cancellationToken);
    }

    private async Task<List<DnsRecord>> SetOfAsync(ProviderZone zone, DnsRecord record, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(HttpMethod.Get, SetPath(zone, record), null, cancellationToken);
        return [.. answer!.RootElement.EnumerateArray().Select(item => ToRecord(item, zone))];
    }

    private static string SetPath(ProviderZone zone, DnsRecord record) =>
        $"v1/domains/{Uri.EscapeDataString(zone.Id)}/records/{record.Type}/{Uri.EscapeDataString(DomainNames.Relative(record.Name, zone.Name))}";

    private static Dictionary<string, object?> Body(DnsRecord record, ProviderZone zone) => new()
    {
        ["type"] = record.Type,
        ["name"] = DomainNames.Relative(record.Name, zone.Name),
        ["data"] = record.Content,
        ["ttl"] = record.Ttl,
        ["priority"] = record.Priority,
    };

    private static DnsRecord ToRecord(JsonElement item, ProviderZone zone)
    {
        string type = item.GetProperty("type").GetString()!;
        int? priority = type == "MX" && item.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        return new DnsRecord(type, DomainNames.Absolute(item.GetProperty("name").GetString()!, zone.Name), item.GetProperty("data").GetString() ?? "",
            item.TryGetProperty("ttl", out var ttl) ? ttl.GetInt32() : 3600, priority);
    }

    private async Task<JsonDocument?> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = ProviderHttp.Json(method, path, body);
        request.Headers.TryAddWithoutValidation("Authorization", $"sso-key {credentials.ApiKey}:{credentials.ApiSecret}");
        var answer = await ProviderHttp.SendAsync(client.Http, request, GoDaddyProvider.ProviderName, cancellationToken);
        var json = answer.TryJson();
        if (answer.Succeeded) return json;
        string reason = Reason(json) ?? $"HTTP {(int)answer.Status}";
        json?.Dispose();
        throw new ProviderException(GoDaddyProvider.ProviderName, reason, (int)answer.Status,
            credentialsRefused: answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }

    /// <summary>"CODE: message" and each field problem from GoDaddy's error body.</summary>
    private static string? Reason(JsonDocument? json)
    {
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object) return null;
        var root = json.RootElement;
        string code = root.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
        string message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        string reason = code.Length > 0 ? $"{code}: {message}" : message;
        if (root.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in fields.EnumerateArray())
                reason += $"; {(field.TryGetProperty("path", out var path) ? path.GetString() : "")}: {(field.TryGetProperty("message", out var fm) ? fm.GetString() : "")}";
        }
        return reason.Length == 0 ? null : reason;
    }
}
