using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Meridian.Providers.Http;

/// <summary>The resilience pipeline of every provider client: an overall timeout, retries with exponential backoff
/// (or the provider's Retry-After) on 429, 5xx, 408 and lost connections — only for requests that are safe to repeat,
/// since a POST or PATCH that timed out may have been applied — and a timeout per attempt.</summary>
internal static class ProviderResilience
{
    public static IHttpClientBuilder AddProviderResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("provider", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ProvidersOptions>>().Value;
            pipeline.AddTimeout(options.RequestTimeout);
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(IsRepeatable(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
            }
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }

    private static bool IsRepeatable(ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        if (request is null) return false;
        if (request.Options.TryGetValue(ProviderHttp.Repeatable, out bool marked)) return marked;
        return request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Head;
    }
}
