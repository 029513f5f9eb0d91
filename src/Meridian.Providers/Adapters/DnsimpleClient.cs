using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Meridian.Providers.Http;

namespace Meridian.Providers.Adapters;

/// <summary>The typed HTTP client of DNSimple's API v2 (base address from <c>Providers:DNSimple:BaseUrl</c>): whoami,
/// zones and records, every list read page by page. Record names are absolute in and out (DNSimple's are relative,
/// <c>""</c> for the apex).</summary>
public sealed class DnsimpleClient(HttpClient http)
{
    private const int PageSize = 100;

    /// <summary>The account the token belongs to; a user token (no account) is refused.</summary>
    public async Task<long> WhoAmIAsync(string token, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(token, HttpMethod.Get, "whoami", null, cancellationToken);
        var account = answer!.RootElement.GetProperty("data").GetProperty("account");
        if (account.ValueKind != JsonValueKind.Object)
            throw new ProviderException(DnsimpleProvider.ProviderName, "the token is a user token; an account token is needed", credentialsRefused: true);
        return account.GetProperty("id").GetInt64();
    }

    /// <summary>The names of the account's zones.</summary>
    public async Task<IReadOnlySet<string>> ListZonesAsync(string token, long account, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var zone in PagesAsync(token, $"{account}/zones", cancellationToken))
            names.Add(DomainNames.Normalize(zone.GetProperty("name").GetString()!));
        return names;
    }

    public async Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(string token, long account, string zone, CancellationToken cancellationToken) =>
        await ListRecordsAsync(token, account, zone, name: null, cancellationToken);

    /// <summary>The zone's records, or with <paramref name="name"/> (absolute) only those at that name (DNSimple's
    /// <c>name</c> filter, an exact match of the relative name).</summary>
    public async Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(string token, long account, string zone, string? name, CancellationToken cancellationToken)
    {
        var records = new List<DnsRecord>();
        string path = $"{account}/zones/{Uri.EscapeDataString(zone)}/records";
        if (name is not null)
        {
            string relative = DomainNames.Relative(name, zone);
            path += "?name=" + Uri.EscapeDataString(relative == "@" ? "" : relative);
        }
        await foreach (var item in PagesAsync(token, path, cancellationToken))
            records.Add(ToRecord(item, zone));
        return records;
    }

    public async Task<DnsRecord> CreateRecordAsync(string token, long account, string zone, DnsRecord record, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(token, HttpMethod.Post, $"{account}/zones/{Uri.EscapeDataString(zone)}/records", Body(record, zone, withType: true), cancellationToken);
        return ToRecord(answer!.RootElement.GetProperty("data"), zone);
    }

    public async Task<DnsRecord> UpdateRecordAsync(string token, long account, string zone, string id, DnsRecord record, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(token, HttpMethod.Patch, $"{account}/zones/{Uri.EscapeDataString(zone)}/records/{Uri.EscapeDataString(id)}",
            Body(record, zone, withType: false), cancellationToken);
        return ToRecord(answer!.RootElement.GetProperty("data"), zone);
    }

    public async Task DeleteRecordAsync(string token, long account, string zone, string id, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(token, HttpMethod.Delete, $"{account}/zones/{Uri.EscapeDataString(zone)}/records/{Uri.EscapeDataString(id)}", null, cancellationToken);
    }

    private async IAsyncEnumerable<JsonElement> PagesAsync(string token, string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int page = 1; ; page++)
        {
            char separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            using var answer = await SendAsync(token, HttpMethod.Get, $"{path}{separator}page={page}&per_page={PageSize}", null, cancellationToken);
            var root = answer!.RootElement;
            foreach (var item in root.GetProperty("data").EnumerateArray()) yield return item.Clone();
            int totalPages = root.TryGetProperty("pagination", out var pagination) && pagination.TryGetProperty("total_pages", out var total) ? total.GetInt32() : page;
            if (page >= totalPages) yield break;
        }
    }

    private static Dictionary<string, object?> Body(DnsRecord record, string zone, bool withType)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = DomainNames.Relative(record.Name, zone) is "@" ? "" : DomainNames.Relative(record.Name, zone),
            ["content"] = record.Content,
            ["ttl"] = record.Ttl,
            ["priority"] = record.Priority,
        };
        if (withType) body["type"] = record.Type;
        return body;
    }

    private static DnsRecord ToRecord(JsonElement item, string zone)
    {
        string type = item.GetProperty("type").GetString()!;
        int? priority = type == "MX" && item.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        return new DnsRecord(type, DomainNames.Absolute(item.GetProperty("name").GetString() ?? "", zone), item.GetProperty("content").GetString() ?? "",
            item.TryGetProperty("ttl", out var ttl) ? ttl.GetInt32() : 3600, priority, item.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture));
    }

    private async Task<JsonDocument?> SendAsync(string token, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = ProviderHttp.Json(method, path, body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await ProviderHttp.SendAsync(http, request, DnsimpleProvider.ProviderName, cancellationToken);
        var json = answer.TryJson();
        if (answer.Succeeded) return json;
        string reason = json is not null && json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m)
            ? m.GetString() ?? "" : $"HTTP {(int)answer.Status}";
        json?.Dispose();
        throw new ProviderException(DnsimpleProvider.ProviderName, reason, (int)answer.Status,
            credentialsRefused: answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }
}
