using System.Net.Http.Headers;
using System.Text.Json;

namespace Meridian.Api.Tests.Support;

/// <summary>A complete HTTP answer: status, body text, content headers, and the body as JSON when it is.</summary>
public sealed record ApiResponse(int Status, string Body, MediaTypeHeaderValue? ContentType, string? ContentDisposition)
{
    /// <summary>The response headers (not the content headers), each with its values joined by ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A response header's value, or null when the response has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>Asserts a Partner API refusal: the status and an <c>{"errors": [...]}</c> body; returns the messages.</summary>
    public IReadOnlyList<string> ExpectErrors(int status)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: {Shorten(Body)}");
        var json = Json;
        Assert.True(json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array, $"not {{\"errors\": [...]}}: {Shorten(Body)}");
        var messages = errors.EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.Equal(messages, json.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("message").GetString()!));
        return messages;
    }

    /// <summary>The <c>error</c> field of a refusal (the spec's only error format).</summary>
    public string Error
    {
        get
        {
            JsonElement json;
            try
            {
                json = Json;
            }
            catch (JsonException)
            {
                json = default;
            }
            Assert.True(json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out _),
                $"{Status} with a body that is not {{\"error\": …}}: '{Shorten(Body)}' ({ContentType})");
            Assert.Equal(["error"], json.EnumerateObject().Select(p => p.Name));
            return json.GetProperty("error").GetString()!;
        }
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body.</summary>
    public JsonElement Expect(int status)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: {Shorten(Body)}");
        return Body.Length == 0 ? default : Json;
    }

    /// <summary>Asserts a refusal: the status and an <c>{"error"}</c> body that contains <paramref name="fragment"/>.</summary>
    public string ExpectError(int status, string fragment)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: {Shorten(Body)}");
        string error = Error;
        Assert.Contains(fragment, error, StringComparison.OrdinalIgnoreCase);
        return error;
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + $"… ({text.Length} chars)";
}
