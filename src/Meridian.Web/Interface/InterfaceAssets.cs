using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Meridian.Web.Interface;

/// <summary>The interface's stylesheet and script, embedded in the assembly (no front-end build, nothing on disk) and
/// served with an ETag so a browser revalidates them cheaply.</summary>
internal static class InterfaceAssets
{
    private sealed record Asset(byte[] Content, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, Asset> s_assets = Load();

    public static IResult Serve(string name, HttpContext http)
    {
        if (!s_assets.TryGetValue(name, out var asset)) return Results.NotFound();
        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=300";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    /// <summary>Total bytes of the assets a page loads (for the page-weight figure).</summary>
    public static int TotalBytes => s_assets.Values.Sum(asset => asset.Content.Length);

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(InterfaceAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("meridian.web.", StringComparison.Ordinal)))
        {
            string name = resource["meridian.web.".Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            string etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"").ToString();
            assets[name] = new Asset(content, type, etag);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
