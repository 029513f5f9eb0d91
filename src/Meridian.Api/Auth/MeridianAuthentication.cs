using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Auth;

/// <summary>Registers authentication and authorization for every surface: the API key and session schemes behind
/// one policy scheme that picks by what the request carries (an Authorization header wins over a cookie), the
/// policies of <see cref="Policies"/>, and the handler that answers failures in each surface's shape.</summary>
public static class MeridianAuthentication
{
    public const string Scheme = "Meridian";

    public static IServiceCollection AddMeridianAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PartnerOptions>().Configure(options =>
        {
            // The binder would append configured hosts to the default list; the configured list replaces it.
            var hosts = configuration.GetSection(PartnerOptions.Section + ":SandboxHosts").Get<string[]>();
            if (hosts is not null) options.SandboxHosts = [.. hosts];
        });
        services.AddSingleton<RequestEnvironments>();
        // No default scheme: requests are authenticated only where a policy names the scheme (every surface's group),
        // once, so /healthz, /docs and the interface's pages pay nothing for it.
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, Scheme, options => options.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SurfaceAuthorizationResultHandler>();
        return services;
    }

    // Requirements that are their own handlers (AccountKindRequirement, ActiveAccountRequirement) are run by the
    // framework's pass-through handler.
    private static string SchemeFor(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(SessionAuthenticationHandler.CookieName)
            ? SessionAuthenticationHandler.SchemeName
            : ApiKeyAuthenticationHandler.SchemeName;
}
