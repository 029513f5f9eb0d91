using Meridian.Client.Http;

namespace Meridian.Client;

/// <summary>A client of one Meridian deployment: <c>new MeridianClient(new MeridianClientOptions { ApiKey, BaseUrl })</c>,
/// then <c>await client.Users.CreateSessionAsync(…)</c>. Thread-safe; make one and keep it (or register it with
/// <c>services.AddMeridianClient(…)</c>).</summary>
public class MeridianClient : IDisposable
{
    private readonly HttpClient? ownedHttp;
    private readonly MeridianTransport transport;

    /// <summary>A client with its own <see cref="HttpClient"/>.</summary>
    public MeridianClient(MeridianClientOptions options)
        : this(options, null)
    {
    }

    /// <summary>A client sending through <paramref name="httpClient"/> (e.g. one from IHttpClientFactory); its
    /// <see cref="HttpClient.Timeout"/> should be infinite, the client applies <see cref="MeridianClientOptions.Timeout"/>
    /// to each attempt itself.</summary>
    public MeridianClient(MeridianClientOptions options, HttpClient? httpClient)
        : this(ClientSettings.Resolve(options), httpClient, TimeProvider.System)
    {
    }

    internal MeridianClient(ClientSettings settings, HttpClient? httpClient, TimeProvider time)
    {
        if (httpClient is null)
            ownedHttp = httpClient = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        transport = new MeridianTransport(httpClient, settings, time);
        Users = new UsersResource(transport);
        Domains = new DomainsResource(transport);
        Records = new RecordsResource(transport);
        Keys = new KeysResource(transport);
        Client = new ClientApiResource(transport);
        EmailDns = new EmailDnsResource(transport);
        Simple = new SimpleApiResource(transport, settings.SimpleToken);
    }

    public MeridianEnvironment Environment => transport.Settings.Environment;

    /// <summary>The address calls go to: the production base URL, or the sandbox's.</summary>
    public Uri ApiBaseUrl => transport.Settings.ApiBaseUrl;

    public Uri SimpleBaseUrl => transport.Settings.SimpleBaseUrl;

    /// <summary>Partner API: users, sign-in sessions, user domains.</summary>
    public UsersResource Users { get; }

    /// <summary>Partner API: domains and their change history.</summary>
    public DomainsResource Domains { get; }

    /// <summary>Partner API: DNS records and batches.</summary>
    public RecordsResource Records { get; }

    /// <summary>Partner API: your own API keys.</summary>
    public KeysResource Keys { get; }

    /// <summary>The Client API.</summary>
    public ClientApiResource Client { get; }

    /// <summary>The Email DNS API.</summary>
    public EmailDnsResource EmailDns { get; }

    /// <summary>The Simple API with <see cref="MeridianClientOptions.SimpleToken"/>.</summary>
    public SimpleApiResource Simple { get; }

    /// <summary>The Simple API with another token, over this client's connection and settings.</summary>
    public SimpleApiResource SimpleWithToken(string jwt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jwt);
        return new SimpleApiResource(transport, jwt);
    }

    public void Dispose()
    {
        ownedHttp?.Dispose();
        GC.SuppressFinalize(this);
    }
}
