namespace Meridian.Api.Tests.Support;

/// <summary>A client account of the platform, its API key and an HTTP client that sends that key.</summary>
public sealed record ClientAccount(Guid AccountId, Guid KeyId, string Token, ApiClient Api);
