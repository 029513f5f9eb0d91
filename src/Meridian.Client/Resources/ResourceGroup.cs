using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Meridian.Client.Http;

namespace Meridian.Client;

/// <summary>What every resource group shares: its client's transport, and how it addresses a surface.</summary>
public abstract class ResourceGroup
{
    private protected ResourceGroup(MeridianTransport transport) => Transport = transport;

    private protected MeridianTransport Transport { get; }

    private protected ApiRequest Api(HttpMethod method, string path) =>
        new(method, Transport.Settings.ApiBaseUrl, path, ApiKey());

    private protected ApiRequest Api<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> bodyType) =>
        Api(method, path) with { Body = JsonSerializer.SerializeToUtf8Bytes(body, bodyType) };

    private protected static string Segment(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("An id in a path cannot be empty.", nameof(value));
        return Uri.EscapeDataString(value);
    }

    private protected static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(parameter => parameter.Value is not null)
            .Select(parameter => $"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(parameter.Value!)}")
            .ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    private string ApiKey() => Transport.Settings.ApiKey
        ?? throw new MeridianConfigurationException(
            "This call needs an API key: set MeridianClientOptions.ApiKey or MERIDIAN_API_KEY (the Simple API token alone only serves client.Simple).");
}
