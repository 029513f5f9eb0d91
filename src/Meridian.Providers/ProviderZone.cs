namespace Meridian.Providers;

/// <summary>The zone at a provider that holds a domain: the provider's id for it (Cloudflare's zone id, DNSimple's
/// account id and zone name, GoDaddy's and Namecheap's domain name) and its name (lowercase, no final dot).</summary>
public sealed record ProviderZone(string Id, string Name);
