using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Surfaces;

/// <summary>Finds the surface a request belongs to — its endpoint's, else the one whose base path the request is
/// under (an unknown route, a failure before routing) — and writes a refusal in that surface's shape. Paths of no
/// surface get <c>{"error": "…"}</c>.</summary>
public static class SurfaceErrors
{
    private static readonly Lock s_gate = new();
    private static ApiSurface[] s_surfaces = [];

    /// <summary>A route group for <paramref name="surface"/>: its base path, its OpenAPI group, and the surface as
    /// endpoint metadata, so every refusal on it is written in its shape.</summary>
    public static RouteGroupBuilder MapSurface(this IEndpointRouteBuilder routes, ApiSurface surface)
    {
        Register(surface);
        return routes.MapGroup(surface.BasePath.Value!).WithMetadata(surface).WithGroupName(surface.Name);
    }

    public static void Register(ApiSurface surface)
    {
        lock (s_gate)
        {
            if (s_surfaces.Contains(surface)) return;
            // Longest base path first, so /api/v1/dns.* can be a surface of its own inside /api/v1.
            s_surfaces = [.. s_surfaces.Append(surface).OrderByDescending(s => s.BasePath.Value!.Length)];
        }
    }

    public static ApiSurface? For(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiSurface>() is { } surface) return surface;
        foreach (var candidate in Volatile.Read(ref s_surfaces))
        {
            if (context.Request.Path.StartsWithSegments(candidate.BasePath)) return candidate;
        }
        return null;
    }

    public static IResult Result(HttpContext context, int status, string message) =>
        For(context) is { } surface ? surface.Error(status, message) : TypedResults.Json(new ErrorBody(message), statusCode: status);

    public static IResult Result(HttpContext context, int status, IReadOnlyList<Problem> problems) =>
        For(context) is { } surface ? surface.Problems(status, problems) : TypedResults.Json(new ErrorBody(problems[0].Message), statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string message) => Result(context, status, message).ExecuteAsync(context);

    public static Task WriteAsync(HttpContext context, int status, IReadOnlyList<Problem> problems) => Result(context, status, problems).ExecuteAsync(context);
}
