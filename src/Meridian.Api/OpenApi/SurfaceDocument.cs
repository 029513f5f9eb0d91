using Meridian.Api.Surfaces;

namespace Meridian.Api.OpenApi;

/// <summary>One surface's OpenAPI document: what it says about the surface beyond what its endpoints tell
/// (title, version, description), and which fields of the surface's error body it promises for each status.</summary>
/// <param name="Surface">The surface; its <see cref="ApiSurface.Name"/> names the document (<c>/openapi/{name}.json</c>).</param>
/// <param name="RequiredErrorFields">The error-body fields the document marks required for a status. By default
/// every field the surface's writer always puts in that status's body.</param>
/// <param name="RateLimited">Whether the surface answers 429 when a key's budget is spent.</param>
/// <param name="HasSandbox">Whether the surface's keys come in a sandbox environment too (its document lists a
/// sandbox server).</param>
public sealed record SurfaceDocument(
    ApiSurface Surface,
    string Title,
    string Version,
    string Description,
    Func<int, IReadOnlyList<string>>? RequiredErrorFields = null,
    bool RateLimited = false,
    bool HasSandbox = true)
{
    public string Name => Surface.Name;

    public string JsonPath => $"/openapi/{Name}.json";

    public string YamlPath => $"/openapi/{Name}.yml";
}
