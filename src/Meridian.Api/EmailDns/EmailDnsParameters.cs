using System.Text.Json;
using Meridian.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Meridian.Api.EmailDns;

/// <summary>The parameters of an Email DNS request, from the query string and a form or JSON body (the body wins, as
/// PHP's <c>$_REQUEST</c> did for POST). Names are matched without regard to case, as the PHP-era clients send them in
/// any case, except <c>APIKey</c> (the caller's Meridian key) and <c>ApiKey</c> (the DNS provider's key), which the spec
/// tells apart only by case: those two match exactly. Read once per request and kept on it.</summary>
public sealed class EmailDnsParameters
{
    /// <summary>The largest body read; a request of this API is a handful of short strings.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const string CallerKey = "APIKey";
    public const string ProviderKey = "ApiKey";

    private readonly List<KeyValuePair<string, string>> _values;

    private EmailDnsParameters(List<KeyValuePair<string, string>> values) => _values = values;

    /// <summary>The value of a parameter (trimmed of nothing), or null when it is not sent.</summary>
    public string? this[string name]
    {
        get
        {
            bool exact = name is CallerKey or ProviderKey;
            string? found = null;
            foreach (var (key, value) in _values)
            {
                bool match = exact ? key == name : string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && key is not (CallerKey or ProviderKey);
                if (match) found = value;
            }
            return found;
        }
    }

    /// <summary>The request's parameters, or the reason its body cannot be read (400, 413, 415).</summary>
    public static async Task<(EmailDnsParameters? Parameters, int Status, string? Error)> ReadAsync(HttpContext context)
    {
        if (context.Features.Get<EmailDnsParameters>() is { } cached) return (cached, 0, null);
        var values = new List<KeyValuePair<string, string>>();
        // The framework's query and form collections merge names that differ only by case (APIKey and ApiKey would
        // become one): the pairs are read as sent.
        AddPairs(values, context.Request.QueryString.Value);
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes) return (null, StatusCodes.Status413PayloadTooLarge, "Request body is too large");
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            string? mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (mediaType is "application/x-www-form-urlencoded")
            {
                using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
                char[] buffer = new char[MaxBodyBytes + 1];
                int read = await reader.ReadBlockAsync(buffer, context.RequestAborted);
                if (read > MaxBodyBytes) return (null, StatusCodes.Status413PayloadTooLarge, "Request body is too large");
                AddPairs(values, new string(buffer, 0, read));
            }
            else if (mediaType is "multipart/form-data")
            {
                var form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueLengthLimit = MaxBodyBytes }, context.RequestAborted);
                foreach (var (key, value) in form) Add(values, key, value);
            }
            else if (mediaType is "application/json" or null || mediaType.EndsWith("+json", StringComparison.Ordinal))
            {
                string? error = await ReadJsonAsync(request, values, context.RequestAborted);
                if (error is not null) return (null, StatusCodes.Status400BadRequest, error);
            }
            else
            {
                return (null, StatusCodes.Status415UnsupportedMediaType, "Send parameters as a query string, a form or a JSON object");
            }
        }
        var parameters = new EmailDnsParameters(values);
        context.Features.Set(parameters);
        return (parameters, 0, null);
    }

    private static async Task<string?> ReadJsonAsync(HttpRequest request, List<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes) return "Request body is too large";
        if (buffer.Length == 0) return null;
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Object) return "Request body must be a JSON object";
            foreach (var property in json.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values.Add(new(property.Name, property.Value.GetString()!));
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        values.Add(new(property.Name, property.Value.GetRawText()));
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return $"Invalid request body: '{property.Name}' must be a string";
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            return JsonBody.Describe(e);
        }
    }

    private static void Add(List<KeyValuePair<string, string>> values, string key, StringValues value)
    {
        if (value.Count > 0 && value[^1] is { } last) values.Add(new(key, last));
    }

    private static void AddPairs(List<KeyValuePair<string, string>> values, string? encoded)
    {
        foreach (var pair in new QueryStringEnumerable(encoded))
            values.Add(new(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
    }
}
