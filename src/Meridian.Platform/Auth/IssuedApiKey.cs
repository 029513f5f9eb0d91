using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>A key just made: the stored key and the token, which is shown this once and never again.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Token);
