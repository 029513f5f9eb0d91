using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Meridian.Api.RateLimiting;

/// <summary>Wires the per-caller rate limits: <see cref="AddCallerRateLimits"/> registers them (configuration
/// section "RateLimits", checked on start), <see cref="UseCallerRateLimits"/> puts the middleware in the pipeline
/// once, and <see cref="RequireCallerRateLimits{TBuilder}"/> is the one line that limits a surface's route group.</summary>
public static class RateLimitingExtensions
{
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CallerRateLimits>();
        return services;
    }

    /// <summary>Adds the middleware; it must come after authentication and authorization (WebApplication runs
    /// those first), so only authenticated requests are counted.</summary>
    public static IApplicationBuilder UseCallerRateLimits(this IApplicationBuilder app) => app.UseMiddleware<RateLimitMiddleware>();

    /// <summary>Counts the requests of these endpoints against their caller's limits.</summary>
    public static TBuilder RequireCallerRateLimits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(RateLimitedEndpoint.Instance);
}
