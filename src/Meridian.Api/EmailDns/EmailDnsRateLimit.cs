using System.Globalization;
using System.Threading.RateLimiting;
using Meridian.Api.Auth;
using Meridian.Api.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.EmailDns;

/// <summary>The Email DNS API's limit, 100 requests per 60 seconds per key (or session), counted by the same
/// <see cref="ClockedFixedWindowRateLimiter"/> as the Partner API's windows and reported with the same headers
/// (<see cref="RateLimitHeaders"/>: X-RateLimit-*, RateLimit-Policy, RateLimit, Retry-After). Its own window, so a
/// key used on both APIs spends each API's budget separately, as each spec describes its own limit.</summary>
public sealed class EmailDnsRateLimit : IDisposable
{
    public const int Limit = 100;

    private readonly RateLimitWindow _window = new("minute", TimeSpan.FromSeconds(60), Limit);
    private readonly PartitionedRateLimiter<Guid> _limiter;
    private readonly TimeProvider _clock;
    private readonly string _policy;

    public EmailDnsRateLimit(TimeProvider clock)
    {
        _clock = clock;
        Func<Guid, RateLimiter> create = _ => new ClockedFixedWindowRateLimiter(_window, _clock);
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(caller => RateLimitPartition.Get(caller, create));
        _policy = RateLimitHeaders.Policy([_window]);
    }

    /// <summary>The endpoint filter: counts the request, puts the headers on its response, or answers 429.</summary>
    public async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (!http.TryGetActor(out var actor)) return await next(invocation);
        var lease = _limiter.AttemptAcquire(actor.ApiKeyId ?? actor.SessionId ?? actor.AccountId);
        lease.TryGetMetadata(_window.State, out var state);
        var decision = new RateLimitDecision(lease, [state], _clock.GetUtcNow());
        http.Response.RegisterForDispose(decision);
        if (!decision.IsAcquired)
        {
            RateLimitHeaders.Write(http.Response.Headers, decision, _policy);
            long retryAfter = decision.RetryAfterSeconds();
            return EmailDnsSurface.Instance.Error(StatusCodes.Status429TooManyRequests,
                string.Create(CultureInfo.InvariantCulture, $"Rate limit exceeded: at most {Limit} requests per 60 seconds; retry in {retryAfter} seconds"));
        }
        http.Response.OnStarting(() =>
        {
            RateLimitHeaders.Write(http.Response.Headers, decision, _policy);
            return Task.CompletedTask;
        });
        return await next(invocation);
    }

    public void Dispose() => _limiter.Dispose();
}
