using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meridian.Api.Tests.Support;

/// <summary>Calls the Client API over HTTP and reads each answer completely (<see cref="ApiResponse"/>).</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<ApiResponse> PostJsonAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, Json(body.ToJsonString()));

    public Task<ApiResponse> PutJsonAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, Json(body.ToJsonString()));

    public Task<ApiResponse> PatchJsonAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, Json(body.ToJsonString()));

    /// <summary>Sends <paramref name="text"/> as an application/json body, exactly as written (for malformed bodies).</summary>
    public Task<ApiResponse> SendRawJsonAsync(HttpMethod method, string path, string text) => SendAsync(method, path, Json(text));

    /// <summary>Posts a zone file as text/plain, as the spec's curl example does.</summary>
    public Task<ApiResponse> ImportAsync(string zoneFile) =>
        SendAsync(HttpMethod.Post, "/api/client/import/bind", new StringContent(zoneFile, Encoding.UTF8, "text/plain"));

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content = null, IEnumerable<(string Name, string Value)>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        return new ApiResponse((int)response.StatusCode, body, response.Content.Headers.ContentType,
            response.Content.Headers.ContentDisposition?.ToString())
        {
            Headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>POST /api/client/domains that must succeed; the domain as returned.</summary>
    public async Task<JsonElement> CreateDomainAsync(string name)
    {
        var response = await PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = name });
        return response.Expect(201);
    }

    /// <summary>POST /api/client/records that must succeed; the record as returned.</summary>
    public async Task<JsonElement> CreateRecordAsync(Guid domainId, string name, string type, string value, JsonObject? more = null)
    {
        var body = RecordBody(domainId, name, type, value, more);
        return (await PostJsonAsync("/api/client/records", body)).Expect(201);
    }

    /// <summary>GET /api/client/domains/{id}/records that must succeed.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListRecordsAsync(Guid domainId) =>
        [.. (await GetAsync($"/api/client/domains/{domainId}/records")).Expect(200).EnumerateArray()];

    public static JsonObject RecordBody(Guid domainId, string name, string type, string value, JsonObject? more = null)
    {
        var body = new JsonObject { ["domain_id"] = domainId.ToString(), ["name"] = name, ["type"] = type, ["value"] = value };
        foreach (var (key, node) in more ?? [])
            body[key] = node?.DeepClone();
        return body;
    }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public void Dispose() => Http.Dispose();
}
