using System.Net;

namespace Meridian.Client;

/// <summary>The options after the environment variables and the sandbox rule are applied: what a client actually
/// uses. Resolved once, when the client is made, so a bad setting fails before any request.</summary>
internal sealed record ClientSettings(
    string? ApiKey,
    MeridianEnvironment Environment,
    Uri ApiBaseUrl,
    Uri SimpleBaseUrl,
    string? SimpleToken,
    int MaxRetries,
    TimeSpan Timeout,
    TimeSpan InitialRetryDelay,
    TimeSpan MaxRetryDelay)
{
    public const string SandboxKeyPrefix = "mk_test_";

    public static ClientSettings Resolve(MeridianClientOptions options, Func<string, string?>? environment = null)
    {
        environment ??= System.Environment.GetEnvironmentVariable;
        var apiKey = NonEmpty(options.ApiKey) ?? NonEmpty(environment("MERIDIAN_API_KEY")) ?? NonEmpty(environment("POCKETDNS_API_KEY"));
        var simpleToken = NonEmpty(options.SimpleToken) ?? NonEmpty(environment("MERIDIAN_SIMPLE_TOKEN"));
        if (apiKey is null && simpleToken is null)
            throw new MeridianConfigurationException(
                "No API key: set MeridianClientOptions.ApiKey or the MERIDIAN_API_KEY environment variable.");
        if (apiKey is not null && options.Environment == MeridianEnvironment.Production
            && apiKey.StartsWith(SandboxKeyPrefix, StringComparison.Ordinal))
            throw new MeridianConfigurationException(
                "The API key is a sandbox key (mk_test_…) but the environment is Production: use Environment = Sandbox, or a mk_live_ key.");

        var baseUrl = Checked(options.BaseUrl, nameof(options.BaseUrl)) ?? UrlFrom(environment("MERIDIAN_BASE_URL"), "MERIDIAN_BASE_URL")
            ?? throw new MeridianConfigurationException(
                "No server address: set MeridianClientOptions.BaseUrl or the MERIDIAN_BASE_URL environment variable (Meridian is self-hosted).");
        var apiBaseUrl = options.Environment == MeridianEnvironment.Sandbox
            ? Checked(options.SandboxBaseUrl, nameof(options.SandboxBaseUrl)) ?? UrlFrom(environment("MERIDIAN_SANDBOX_BASE_URL"), "MERIDIAN_SANDBOX_BASE_URL") ?? SandboxUrlFor(baseUrl)
            : baseUrl;
        var simpleBaseUrl = Checked(options.SimpleBaseUrl, nameof(options.SimpleBaseUrl)) ?? new Uri(WithSlash(baseUrl), "simple/");

        if (options.MaxRetries < 0) throw new MeridianConfigurationException("MaxRetries cannot be negative.");
        if (options.Timeout <= TimeSpan.Zero) throw new MeridianConfigurationException("Timeout must be positive.");
        if (options.InitialRetryDelay < TimeSpan.Zero || options.MaxRetryDelay < TimeSpan.Zero)
            throw new MeridianConfigurationException("InitialRetryDelay and MaxRetryDelay cannot be negative.");
        return new ClientSettings(apiKey, options.Environment, WithSlash(apiBaseUrl), WithSlash(simpleBaseUrl), simpleToken,
            options.MaxRetries, options.Timeout, options.InitialRetryDelay, options.MaxRetryDelay);
    }

    /// <summary>The server's default sandbox host for a production address: <c>api.X</c> → <c>api.sandbox.X</c>,
    /// a loopback host → <c>sandbox.localhost</c>, any other host X → <c>api.sandbox.X</c>; scheme, port and path
    /// stay.</summary>
    public static Uri SandboxUrlFor(Uri production)
    {
        var host = production.IdnHost;
        string sandboxHost;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))
            sandboxHost = "sandbox.localhost";
        else if (host.StartsWith("api.", StringComparison.OrdinalIgnoreCase))
            sandboxHost = "api.sandbox." + host["api.".Length..];
        else
            sandboxHost = "api.sandbox." + host;
        return new UriBuilder(production) { Host = sandboxHost }.Uri;
    }

    private static Uri? Checked(Uri? url, string option) =>
        url is null || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            ? url
            : throw new MeridianConfigurationException($"MeridianClientOptions.{option} is not an absolute http(s) URL: '{url}'.");

    private static Uri? UrlFrom(string? value, string variable)
    {
        if (NonEmpty(value) is not { } text) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new MeridianConfigurationException($"{variable} is not an http(s) URL: '{text}'.");
    }

    private static Uri WithSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new UriBuilder(url) { Path = url.AbsolutePath + "/" }.Uri;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
