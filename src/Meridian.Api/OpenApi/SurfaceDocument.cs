using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.OpenApi;

/// <summary>One surface's OpenAPI document: what it says about the surface beyond what its endpoints tell
/// (title, version, description), and which fields of the surface's error body it promises for each status.</summary>
/// <param name="Surface">The surface; its <see cref="ApiSurface.Name"/> names the document (<c>/openapi/{name}.json</c>).</param>
/// <param name="RequiredErrorFields">The error-body fields the document marks required for a status. By default
/// every field the surface's writer always puts in that status's body.</param>
/// <param name="RateLimited">Whether the surface answers 429 when a key's budget is spent.</param>
/// <param name="HasSandbox">Whether the surface's keys come in a sandbox environment too (its document lists a
/// sandbox server).</param>
/// <param name="MalformedIdStatus">What an id in a path that is not an id at all gets: 400 on surfaces that say
/// "Invalid domain ID", 404 on those that answer it like any id that names nothing.</param>
public sealed record SurfaceDocument(
    ApiSurface Surface,
    string Title,
    string Version,
    string Description,
    Func<int, IReadOnlyList<string>>? RequiredErrorFields = null,
    bool RateLimited = false,
    bool HasSandbox = true,
    int MalformedIdStatus = StatusCodes.Status400BadRequest)
{
    public string Name => Surface.Name;

    public string JsonPath => $"/openapi/{Name}.json";

    public string YamlPath => $"/openapi/{Name}.yml";
}
