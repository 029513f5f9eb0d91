using System.Net;
using Meridian.Api.Auth;
using Meridian.Api.Partner;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>A document's <c>servers</c>: production at <c>Meridian:PublicUrl</c>, then (for surfaces with one) the
/// sandbox. The environment of a request comes from its host (<see cref="RequestEnvironments"/>), so the sandbox
/// is the same deployment under a sandbox host name.</summary>
internal sealed class DocumentServersTransformer(SurfaceDocument surface) : IOpenApiDocumentTransformer
{
    private const string ApiPrefix = "api.";
    private const string SandboxApiPrefix = "api.sandbox.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var services = context.ApplicationServices;
        string production = services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.PublicUrl.TrimEnd('/');
        document.Servers = [new OpenApiServer { Url = production, Description = "Production (keys starting mk_live_)" }];
        if (!surface.HasSandbox) return Task.CompletedTask;
        string? configured = services.GetRequiredService<IOptions<OpenApiServerOptions>>().Value.SandboxPublicUrl;
        string sandbox = string.IsNullOrWhiteSpace(configured)
            ? SandboxUrl(production, services.GetRequiredService<IOptions<PartnerOptions>>().Value.SandboxHosts)
            : configured.TrimEnd('/');
        document.Servers.Add(new OpenApiServer { Url = sandbox, Description = "Sandbox: separate data (keys starting mk_test_)" });
        return Task.CompletedTask;
    }

    /// <summary>The sandbox beside <paramref name="productionUrl"/>, same scheme and port: <c>api.X</c> becomes
    /// <c>api.sandbox.X</c> (the spec's convention); a loopback address or <c>localhost</c> becomes the first
    /// configured sandbox host (<c>sandbox.localhost</c>, which resolves to loopback); any other host X becomes
    /// <c>api.sandbox.X</c>. Every one of these is a sandbox host to <see cref="RequestEnvironments"/>.</summary>
    public static string SandboxUrl(string productionUrl, IReadOnlyList<string> sandboxHosts)
    {
        if (!Uri.TryCreate(productionUrl, UriKind.Absolute, out var production)) return productionUrl;
        string host = production.IdnHost;
        string sandboxHost =
            host.StartsWith(SandboxApiPrefix, StringComparison.OrdinalIgnoreCase) ? host
            : host.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase) ? SandboxApiPrefix + host[ApiPrefix.Length..]
            : IsLoopback(host) && sandboxHosts.Count > 0 ? sandboxHosts[0]
            : SandboxApiPrefix + host;
        return new UriBuilder(production) { Host = sandboxHost }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
