using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Http;

/// <summary>Reads a JSON request body by hand, so that every way a body can be wrong (empty, not JSON,
/// wrong types, too large) is answered in the surface's own error format, never the framework's.</summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        // The web defaults read "10" as 10; a string where the spec says integer is a bad request.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    /// <summary>The body as <typeparamref name="T"/>, or a 400/413 result saying what is wrong with it.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            if (request.ContentLength == 0) return (null, ApiErrors.BadRequest("Request body is required"));
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, ApiErrors.BadRequest("Request body must be a JSON object")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiErrors.BadRequest(Describe(e)));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, "Request body is too large"));
        }
    }

    /// <summary>A message that names the field and the problem without echoing internals.</summary>
    internal static string Describe(JsonException e)
    {
        string path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at '{e.Path.TrimStart('$', '.')}'";
        // "The JSON property 'tll' could not be mapped to any .NET member contained in type …"
        const string unmapped = "The JSON property '";
        if (e.Message.StartsWith(unmapped, StringComparison.Ordinal) && e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            int end = e.Message.IndexOf('\'', unmapped.Length);
            return $"Unknown field '{e.Message[unmapped.Length..end]}'";
        }
        return e.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"Invalid request body: wrong type{path}"
            : e.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || e.BytePositionInLine is null && e.LineNumber is null
                ? "Invalid request body: not valid JSON"
                : $"Invalid request body: not valid JSON{path}";
    }
}
