using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Meridian.Providers.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Providers.Adapters;

/// <summary>Cloudflare API v4 with an API token (<c>Authorization: Bearer</c>).</summary>
public sealed class CloudflareProvider(IServiceProvider services) : IDnsProvider
{
    public const string ProviderName = "cloudflare";

    public string Name => ProviderName;

    public IReadOnlyList<string> RequiredCredentials => [];

    public IProviderConnection Connect(ProviderCredentials credentials) =>
        new CloudflareConnection(services.GetRequiredService<CloudflareClient>(), credentials);
}

/// <summary>The typed HTTP client of Cloudflare's API (base address from <c>Providers:Cloudflare:BaseUrl</c>).</summary>
public sealed class CloudflareClient(HttpClient http)
{
    internal HttpClient Http { get; } = http;
}

internal sealed class CloudflareConnection(CloudflareClient client, ProviderCredentials credentials) : IProviderConnection
{
    private const int PageSize = 100;

    public async Task VerifyAsync(string domain, CancellationToken cancellationToken)
    {
        using var verify = await SendAsync(HttpMethod.Get, "user/tokens/verify", null, cancellationToken);
        string status = verify.RootElement.GetProperty("result").GetProperty("status").GetString() ?? "";
        if (status != "active") throw new ProviderException(CloudflareProvider.ProviderName, $"the API token is {status}", credentialsRefused: true);
        await FindZoneAsync(domain, cancellationToken);
    }

    public async Task<ProviderZone> FindZoneAsync(string domain, CancellationToken cancellationToken)
    {
        foreach (string name in DomainNames.SelfAndParents(domain))
        {
            using var zones = await SendAsync(HttpMethod.Get, $"zones?name={Uri.EscapeDataString(name)}&status=active&page=1&per_page=50", null, cancellationToken);
            foreach (var zone in zones.RootElement.GetProperty("result").EnumerateArray())
            {
                if (string.Equals(zone.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
                    return new ProviderZone(zone.GetProperty("id").GetString()!, name);
            }
        }
        throw new ProviderException(CloudflareProvider.ProviderName, $"no active zone for {DomainNames.Normalize(domain)} in this Cloudflare account");
    }

    public async Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(ProviderZone zone, CancellationToken cancellationToken)
    {
        var records = new List<DnsRecord>();
        for (int page = 1; ; page++)
        {
            using var answer = await SendAsync(HttpMethod.Get, $"zones/{Uri.EscapeDataString(zone.Id)}/dns_records?page={page}&per_page={PageSize}", null, cancellationToken);
            foreach (var item in answer.RootElement.GetProperty("result").EnumerateArray()) records.Add(ToRecord(item));
            int totalPages = answer.RootElement.TryGetProperty("result_info", out var info) && info.TryGetProperty("total_pages", out var total) ? total.GetInt32() : page;
            if (page >= totalPages) return records;
        }
    }

    public async Task CreateRecordAsync(ProviderZone zone, DnsRecord record, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, $"zones/{Uri.EscapeDataString(zone.Id)}/dns_records", Body(record), cancellationToken);
    }

    public async Task UpdateRecordAsync(ProviderZone zone, DnsRecord existing, DnsRecord replacement, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Put, $"zones/{Uri.EscapeDataString(zone.Id)}/dns_records/{Uri.EscapeDataString(existing.Id!)}", Body(replacement), cancellationToken);
    }

    public async Task DeleteRecordAsync(ProviderZone zone, DnsRecord existing, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, $"zones/{Uri.EscapeDataString(zone.Id)}/dns_records/{Uri.EscapeDataString(existing.Id!)}", null, cancellationToken);
    }

    // Cloudflare takes a long TXT value as several quoted strings; a short one is sent as it is.
    private static Dictionary<string, object?> Body(DnsRecord record) => new Dictionary<string, object?>
    {
        ["type"] = record.Type,
        ["name"] = record.Name,
        ["content"] = record.Type == "TXT" && record.Content.Length > TxtStrings.MaxOctets ? TxtStrings.Quoted(record.Content) : record.Content,
        ["ttl"] = record.Ttl,
        ["proxied"] = record.Type is "A" or "AAAA" or "CNAME" ? false : null,
        ["priority"] = record.Priority,
    };

    private static DnsRecord ToRecord(JsonElement item)
    {
        string type = item.GetProperty("type").GetString()!;
        string content = item.GetProperty("content").GetString() ?? "";
        int? priority = item.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        return new DnsRecord(type, DomainNames.Normalize(item.GetProperty("name").GetString()!), type == "TXT" ? TxtStrings.Unquote(content) : content,
            item.GetProperty("ttl").GetInt32(), type == "MX" ? priority : null, item.GetProperty("id").GetString());
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = ProviderHttp.Json(method, path, body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.ApiKey);
        var answer = await ProviderHttp.SendAsync(client.Http, request, CloudflareProvider.ProviderName, cancellationToken);
        var json = answer.TryJson();
        bool success = json is not null && json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("success", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (answer.Succeeded && success) return json!;
        string reason = Reason(json) ?? $"HTTP {(int)answer.Status}";
        json?.Dispose();
        throw new ProviderException(CloudflareProvider.ProviderName, reason, (int)answer.Status,
            credentialsRefused: answer.Status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden);
    }

    /// <summary>"code 1000: message; …" from <c>{"errors":[{"code":…,"message":…}]}</c>.</summary>
    private static string? Reason(JsonDocument? json)
    {
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            return null;
        return string.Join("; ", errors.EnumerateArray().Select(e =>
            string.Create(CultureInfo.InvariantCulture, $"{(e.TryGetProperty("code", out var c) ? "code " + c.ToString() + ": " : "")}{(e.TryGetProperty("message", out var m) ? m.GetString() : "")}")));
    }
}
