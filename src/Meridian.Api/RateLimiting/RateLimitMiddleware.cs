using Meridian.Api.Auth;
using Meridian.Api.Observability;
using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.RateLimiting;

/// <summary>Counts each request to a <see cref="RateLimitedEndpoint"/> against its caller's limits and puts the
/// rate-limit headers on the response; beyond a limit it answers 429 with Retry-After in the surface's error shape.
/// It runs after authentication and authorization, so a request that fails them is answered before it is counted
/// and never spends a key's budget. The framework's rate-limiting middleware is not used because it does not hand
/// the acquired lease to the request, and every response, not only a refusal, must carry the counts.</summary>
internal sealed partial class RateLimitMiddleware(RequestDelegate next, CallerRateLimits limits, ILogger<RateLimitMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is null) return next(context);
        if (context.Features.Get<KeylessCallerFeature>() is { } partition) return LimitAsync(context, partition.Caller);
        if (!context.TryGetActor(out var actor)) return next(context);
        // A key's requests are counted on the key, a browser session's on the session (it has no key).
        return LimitAsync(context, actor.ApiKeyId ?? actor.SessionId ?? actor.AccountId);
    }

    private async Task LimitAsync(HttpContext context, Guid caller)
    {
        using var decision = limits.Acquire(caller);
        if (decision.IsAcquired)
        {
            // Written as the response starts, so they survive an exception handler clearing the headers.
            context.Response.OnStarting(static state =>
            {
                var (response, decision, policy) = ((HttpResponse, RateLimitDecision, string))state;
                RateLimitHeaders.Write(response.Headers, decision, policy);
                return Task.CompletedTask;
            }, (context.Response, decision, limits.PolicyHeader));
            await next(context);
            return;
        }
        var window = decision.Exhausted ?? limits.Minute;
        long retryAfter = decision.RetryAfterSeconds();
        LogRefused(logger, caller, window.Name, retryAfter);
        ApiMetrics.CountRateLimited(context, window.Name);
        RateLimitHeaders.Write(context.Response.Headers, decision, limits.PolicyHeader);
        await SurfaceErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests,
            $"Rate limit exceeded: at most {window.Limit} requests per {window.Name}; retry in {retryAfter} seconds");
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Rate limit: caller {Caller} refused by the {Window} window, retry after {RetryAfter} s")]
    private static partial void LogRefused(ILogger logger, Guid caller, string window, long retryAfter);
}
