namespace Meridian.Api.RateLimiting;

/// <summary>Endpoint metadata: requests to this endpoint count against the caller's rate limits
/// (<see cref="RateLimitingExtensions.RequireCallerRateLimits{TBuilder}"/>).</summary>
public sealed class RateLimitedEndpoint
{
    public static RateLimitedEndpoint Instance { get; } = new();

    private RateLimitedEndpoint()
    {
    }
}
