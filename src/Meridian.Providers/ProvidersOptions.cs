using System.ComponentModel.DataAnnotations;

namespace Meridian.Providers;

/// <summary>The "Providers" configuration section: where each provider's API is (the real one unless a test or a
/// provider's sandbox says otherwise), how long to wait for it and how to retry, and how detection resolves.</summary>
public sealed class ProvidersOptions
{
    public const string Section = "Providers";

    public ProviderEndpoint Cloudflare { get; set; } = new() { BaseUrl = "https://api.cloudflare.com/client/v4" };

    public ProviderEndpoint GoDaddy { get; set; } = new() { BaseUrl = "https://api.godaddy.com" };

    public NamecheapEndpoint Namecheap { get; set; } = new() { BaseUrl = "https://api.namecheap.com/xml.response" };

    public ProviderEndpoint DNSimple { get; set; } = new() { BaseUrl = "https://api.dnsimple.com/v2" };

    public DetectionOptions Detection { get; set; } = new();

    /// <summary>The longest a provider call may take, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest one attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of a call that may be repeated safely (reads, PUT, DELETE) after 429, 5xx or a lost connection.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff (doubled each retry, with jitter) when the provider sends no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Validate()
    {
        foreach (var (name, endpoint) in new (string, ProviderEndpoint)[] { ("Cloudflare", Cloudflare), ("GoDaddy", GoDaddy), ("Namecheap", Namecheap), ("DNSimple", DNSimple) })
        {
            if (!Uri.TryCreate(endpoint.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                yield return $"{Section}:{name}:BaseUrl must be an absolute http(s) URL (got '{endpoint.BaseUrl}')";
        }
        if (Detection.Resolver is { Length: > 0 } resolver && !System.Net.IPEndPoint.TryParse(resolver, out _))
            yield return $"{Section}:Detection:Resolver must be ADDRESS:PORT (got '{resolver}')";
    }
}

/// <summary>Where one provider's API is.</summary>
public class ProviderEndpoint
{
    /// <summary>Checked by <see cref="ProvidersOptions.Validate"/> (an absolute http(s) URL).</summary>
    public string BaseUrl { get; set; } = "";
}

/// <summary>Namecheap's API also needs the IPv4 address our calls come from, whitelisted in the customer's account.</summary>
public sealed class NamecheapEndpoint : ProviderEndpoint
{
    public string? ClientIp { get; set; }
}

/// <summary>How <c>dns.provider</c> looks nameservers up.</summary>
public sealed class DetectionOptions
{
    /// <summary>A resolver as ADDRESS:PORT; empty means the system's resolvers.</summary>
    public string? Resolver { get; set; }

    /// <summary>Nameserver patterns added to the built-in table (pattern -> provider name).</summary>
    public Dictionary<string, string> Nameservers { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}
