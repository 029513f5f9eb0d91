using System.Text.Encodings.Web;
using System.Text.Json;

namespace Meridian.Platform.Storage;

/// <summary>The JSON settings for what the platform stores as text (lists, audit snapshots).</summary>
internal static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Stored, not served to a browser: keep record data readable ("v=spf1 +a" stays as written).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
