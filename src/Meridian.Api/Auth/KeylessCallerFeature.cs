namespace Meridian.Api.Auth;

/// <summary>Set by an authentication scheme whose callers are not platform actors with keys (the Simple API's users):
/// a stable id that stands for the caller where an API key's id would — the partition its requests count against
/// and the owner of its Idempotency-Keys. It must be the same for every request of the caller on every node.</summary>
public sealed record KeylessCallerFeature(Guid Caller);
