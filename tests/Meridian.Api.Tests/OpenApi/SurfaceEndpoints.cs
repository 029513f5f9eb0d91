using Meridian.Api.Surfaces;
using Meridian.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>The running application's own route list: every endpoint of every surface, as its
/// <see cref="EndpointDataSource"/> holds it (what a document must list, found without a hand-written list).</summary>
public static class SurfaceEndpoints
{
    public static IReadOnlyList<SurfaceEndpoint> Of(ApiHost host) =>
    [
        .. from endpoint in host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
           let surface = endpoint.Metadata.GetMetadata<ApiSurface>()
           where surface is not null && endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }
           from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
           select new SurfaceEndpoint(surface.Name, method, "/" + endpoint.RoutePattern.RawText!.Trim('/')),
    ];

    /// <summary>The names of the surfaces that have endpoints.</summary>
    public static IReadOnlyList<string> Surfaces(ApiHost host) => [.. Of(host).Select(e => e.Surface).Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>One method and route of a surface.</summary>
public sealed record SurfaceEndpoint(string Surface, string Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}
