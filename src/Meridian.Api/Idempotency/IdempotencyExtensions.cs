using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Idempotency;

/// <summary>Wires <c>Idempotency-Key</c>: <see cref="AddIdempotencyKeys"/> registers the hourly sweep of expired
/// answers (the store is a platform service), <see cref="UseIdempotencyKeys"/> puts the middleware in the pipeline
/// once, and <see cref="AcceptIdempotencyKeys{TBuilder}"/> is the one line that turns it on for a route group.</summary>
public static class IdempotencyExtensions
{
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services) => services.AddHostedService<IdempotencySweep>();

    /// <summary>Adds the middleware; put it after the rate limits, so a refused request claims no key.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();

    public static TBuilder AcceptIdempotencyKeys<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotentEndpoint.Instance);
}
