using System.Net;
using System.Net.Http.Headers;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Tests.Support;

/// <summary>One running Meridian on one storage, shared by the tests of a class (its class fixture). It
/// starts on first use, so that a PostgreSQL host can be handed its server first. Tests isolate
/// themselves by working with their own client accounts and unique domain names.</summary>
public abstract class ApiHost : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Task? _starting;
    private MeridianApiFactory? _factory;
    private int _accounts;

    public MeridianApiFactory Factory => _factory ?? throw new InvalidOperationException("the host has not been started");

    /// <summary>Set before starting to capture every log entry of the host.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>The DNS server's UDP/TCP endpoint on 127.0.0.1.</summary>
    public IPEndPoint DnsEndpoint => Factory.DnsEndpoint;

    /// <summary>The DNS server on [::1] (an untrusted ECS source in tests).</summary>
    public IPEndPoint DnsEndpointV6 => Factory.DnsEndpointV6;

    /// <summary>Starts the application once; every later call returns the same task.</summary>
    public Task StartAsync()
    {
        lock (_gate) return _starting ??= StartOnceAsync();
    }

    private async Task StartOnceAsync()
    {
        var factory = new MeridianApiFactory(await CreateStorageAsync(), CreateClock(), Logs);
        factory.StartServer();
        _factory = factory;
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>An HTTP client of the API with this Authorization header (none when null).</summary>
    public ApiClient Anonymous(string? authorization = null, string? host = null)
    {
        // Redirects and cookies are the tests' to see (the login_url exchange), not the client's to follow.
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(Factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()),
        };
        if (host is not null) http.DefaultRequestHeaders.Host = host;
        // A large body is sent only once the server has agreed to read it, so a refusal (413) is read
        // as a response instead of ending in a broken pipe.
        http.DefaultRequestHeaders.ExpectContinue = true;
        if (authorization is not null) http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return new ApiClient(http);
    }

    /// <summary>A new client account with a production key, made through the platform's services.</summary>
    public async Task<ClientAccount> NewClientAsync(int? domainLimit = null)
    {
        string name = $"client {Interlocked.Increment(ref _accounts)}";
        var account = await Service<AccountService>().CreateAsync(AccountKind.Client, name, $"client{_accounts}@example.net", domainLimit);
        Assert.True(account.Succeeded, account.ToString());
        var key = await Service<ApiKeyService>().IssueAsync(account.Value.Id, "tests", ApiEnvironment.Production);
        Assert.True(key.Succeeded, key.ToString());
        var client = Anonymous(new AuthenticationHeaderValue("Bearer", key.Value.Token).ToString());
        return new ClientAccount(account.Value.Id, key.Value.Key.Id, key.Value.Token, client);
    }

    /// <summary>A new partner account with a production and a sandbox key (the sandbox key's client talks to the
    /// sandbox host); <paramref name="scopes"/> limits the production key.</summary>
    public async Task<PartnerAccount> NewPartnerAsync(IReadOnlyList<string>? scopes = null)
    {
        string name = $"partner {Interlocked.Increment(ref _accounts)}";
        var account = await Service<AccountService>().CreateAsync(AccountKind.Partner, name, $"partner{_accounts}@example.net");
        Assert.True(account.Succeeded, account.ToString());
        var live = await Service<ApiKeyService>().IssueAsync(account.Value.Id, "live", ApiEnvironment.Production, scopes);
        var test = await Service<ApiKeyService>().IssueAsync(account.Value.Id, "test", ApiEnvironment.Sandbox, scopes);
        Assert.True(live.Succeeded && test.Succeeded);
        return new PartnerAccount(account.Value.Id, live.Value.Token, test.Value.Token,
            Anonymous("Bearer " + live.Value.Token), Anonymous("Bearer " + test.Value.Token, PartnerAccount.SandboxHost));
    }

    /// <summary>Every zone and record in the database, for "nothing changed" assertions.</summary>
    public async Task<StoreSnapshot> SnapshotAsync()
    {
        await using var db = Service<PlatformDatabase>().CreateContext();
        var zones = await db.Zones.AsNoTracking().ToListAsync();
        var records = await db.Records.AsNoTracking().ToListAsync();
        int accounts = await db.Accounts.CountAsync();
        int changes = await db.ZoneChanges.CountAsync();
        return StoreSnapshot.Of(zones, records, accounts, changes);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await DeleteStorageAsync();
    }

    /// <summary>The application's clock; a host whose tests move time gives its own.</summary>
    protected virtual TimeProvider CreateClock() => new SubMicrosecondClock();

    /// <summary>Configuration settings that point the application at fresh, empty storage.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> CreateStorageAsync();

    protected abstract Task DeleteStorageAsync();
}
