namespace Meridian.Providers;

/// <summary>What a customer gives us to act at their DNS provider, as the Email DNS API names it: the provider's API
/// key or token, and for GoDaddy its secret, for Namecheap its API user and username.</summary>
public sealed record ProviderCredentials(string ApiKey, string? ApiSecret = null, string? ApiUser = null, string? Username = null)
{
    // Never printed: a record's generated ToString would show the key in a log line or an exception message.
    public override string ToString() => "ProviderCredentials { … }";
}
