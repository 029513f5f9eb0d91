using Meridian.Platform.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Auth;

/// <summary>Which environment a request is for, from its host: the configured sandbox hosts
/// (<c>Partner:SandboxHosts</c>, default <c>sandbox.localhost</c>) and any host starting with <c>api.sandbox.</c>
/// are the sandbox; every other host is production. Keys work only on their own environment's hosts.</summary>
public sealed class RequestEnvironments(IOptions<PartnerOptions> options)
{
    private const string SandboxApiPrefix = "api.sandbox.";

    public ApiEnvironment Of(HttpRequest request) => Of(request.Host.Host);

    public ApiEnvironment Of(string host)
    {
        if (host.StartsWith(SandboxApiPrefix, StringComparison.OrdinalIgnoreCase)) return ApiEnvironment.Sandbox;
        foreach (string sandbox in options.Value.SandboxHosts)
        {
            if (string.Equals(host, sandbox, StringComparison.OrdinalIgnoreCase)) return ApiEnvironment.Sandbox;
        }
        return ApiEnvironment.Production;
    }
}
