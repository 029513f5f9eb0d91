using Meridian.Api.Auth;
using Meridian.Platform.EmailDns;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.EmailDns;

/// <summary>Registers the Email DNS API: the platform's Email DNS services, its authentication scheme (key or
/// session, from the header or the parameters), its policy and its rate limit. Call after
/// <c>AddMeridianAuthentication</c>.</summary>
public static class EmailDnsApiExtensions
{
    public static IServiceCollection AddEmailDnsApi(this IServiceCollection services)
    {
        services.AddEmailDns();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, EmailDnsAuthenticationHandler>(EmailDnsAuthenticationHandler.SchemeName, null);
        services.Configure<AuthorizationOptions>(options => options.AddPolicy(EmailDnsEndpoints.Policy, policy =>
            policy.AddAuthenticationSchemes(EmailDnsAuthenticationHandler.SchemeName).RequireAuthenticatedUser().AddRequirements(new ActiveAccountRequirement())));
        services.AddSingleton<EmailDnsRateLimit>();
        return services;
    }
}
