namespace Meridian.Api.Idempotency;

/// <summary>Names the caller whose Idempotency-Keys a request's key belongs to, for schemes without API keys (the
/// Simple API's users, <c>SimpleApiDirectory.CallerId</c>). The id must be stable, so a retry on another node, or
/// after a restart, finds the first answer.</summary>
public sealed record IdempotencyCallerFeature(Guid Caller);
