using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace Meridian.Providers.Http;

/// <summary>Sends one provider request and reads its answer, turning a connection failure or timeout into a
/// <see cref="ProviderException"/> whose reason never holds the request (its URL or body may carry credentials).</summary>
internal static class ProviderHttp
{
    /// <summary>Marks a request that is safe to send again (a read sent as POST to keep credentials out of URLs).</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("meridian.provider.repeatable");

    public static async Task<ProviderAnswer> SendAsync(HttpClient http, HttpRequestMessage request, string provider, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ProviderAnswer(response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(provider, $"could not reach the provider ({e.HttpRequestError})");
        }
        catch (TimeoutRejectedException)
        {
            throw new ProviderException(provider, "the provider did not answer in time");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(provider, "the provider did not answer in time");
        }
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent(body);
        return request;
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, ProviderJson.Options), System.Text.Encoding.UTF8, "application/json");
}

/// <summary>A provider's answer: its status and body text.</summary>
internal readonly record struct ProviderAnswer(HttpStatusCode Status, string Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    public JsonDocument? TryJson()
    {
        try
        {
            return Body.Length == 0 ? null : JsonDocument.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>JSON as providers write it: property names given by the anonymous objects, nulls left out.</summary>
internal static class ProviderJson
{
    public static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
