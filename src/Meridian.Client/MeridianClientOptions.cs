namespace Meridian.Client;

/// <summary>How a <see cref="MeridianClient"/> reaches its server. Unset values come from the environment:
/// <c>MERIDIAN_API_KEY</c> (else <c>POCKETDNS_API_KEY</c>), <c>MERIDIAN_BASE_URL</c>, <c>MERIDIAN_SANDBOX_BASE_URL</c>
/// and <c>MERIDIAN_SIMPLE_TOKEN</c>.</summary>
public sealed class MeridianClientOptions
{
    /// <summary>The account's API key (<c>mk_live_…</c> or <c>mk_test_…</c>).</summary>
    public string? ApiKey { get; set; }

    public MeridianEnvironment Environment { get; set; } = MeridianEnvironment.Production;

    /// <summary>The production API's address, e.g. <c>https://api.dns.example.com</c>. Meridian is self-hosted,
    /// so there is no default: a client needs its server.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The sandbox API's address. By default the host of <see cref="BaseUrl"/> with <c>api.sandbox.</c> in
    /// front (<c>api.X</c> becomes <c>api.sandbox.X</c>; a loopback host becomes <c>sandbox.localhost</c>), the
    /// server's own default sandbox host rule.</summary>
    public Uri? SandboxBaseUrl { get; set; }

    /// <summary>The Simple API's address; by default <c>{BaseUrl}/simple</c>.</summary>
    public Uri? SimpleBaseUrl { get; set; }

    /// <summary>The Simple API's token (a JWT from <c>meridian token create</c>), used by
    /// <see cref="MeridianClient.Simple"/> instead of the API key.</summary>
    public string? SimpleToken { get; set; }

    /// <summary>How many times a failed call is tried again (connection errors, timeouts, 408, 409, 429, 5xx).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long one attempt may take; a call can override it with <see cref="RequestOptions.Timeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait between two attempts, whatever the backoff or the server's <c>Retry-After</c> says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff delay; each further retry doubles it (with up to 25 % jitter taken off).</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    internal MeridianClientOptions Clone() => (MeridianClientOptions)MemberwiseClone();
}
