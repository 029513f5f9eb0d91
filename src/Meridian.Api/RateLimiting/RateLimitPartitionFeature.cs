namespace Meridian.Api.RateLimiting;

/// <summary>Set by an authentication scheme whose callers are not platform actors (the Simple API's users): the
/// partition their requests count against. Without it the caller is the actor's key, session or account.</summary>
public sealed record RateLimitPartitionFeature(Guid Caller);
