using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Support;

/// <summary>The platform wired as a server wires it, on a fresh database of one provider, publishing into a real DNS
/// engine on loopback that the test asks with <c>dig</c>. Each storage test class derives from this once and is run by
/// a SQLite and a PostgreSQL subclass.</summary>
public abstract class PlatformTestBase(ITestStorage storage) : IAsyncLifetime, IDisposable
{
    private readonly List<(ServiceProvider Services, ServedZones Served)> _otherNodes = [];
    private ServiceProvider? _services;
    private ServedZones? _served;

    protected ITestStorage Storage { get; } = storage;

    /// <summary>The DNS engine this platform publishes into: what it answers is what the tests check.</summary>
    protected ServedZones Served => _served!;

    /// <summary>The platform's clock; a test may move it.</summary>
    protected ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected IServiceProvider Services => _services!;

    protected AccountService Accounts => Services.GetRequiredService<AccountService>();

    protected ApiKeyService Keys => Services.GetRequiredService<ApiKeyService>();

    protected DomainService Domains => Services.GetRequiredService<DomainService>();

    protected RecordService Records => Services.GetRequiredService<RecordService>();

    protected ImportService Imports => Services.GetRequiredService<ImportService>();

    protected ExportService Exports => Services.GetRequiredService<ExportService>();

    protected PlatformDatabase Database => Services.GetRequiredService<PlatformDatabase>();

    /// <summary>Where this test's database is, for a second "process" over the same store.</summary>
    protected StorageOptions StorageOptions { get; private set; } = new();

    public virtual async Task InitializeAsync()
    {
        StorageOptions = await Storage.CreateAsync();
        _served = new ServedZones();
        _services = BuildServices(StorageOptions, _served.Publisher, Clock, Configure);
        await Services.GetRequiredService<PlatformStartup>().StartAsync();
    }

    /// <summary>Lets a test class change the platform's settings before it starts.</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    /// <summary>Another node over this test's database, or this one restarted: its own platform (this test's settings,
    /// <paramref name="clock"/> or none) publishing into its own DNS engine, both disposed with the test. Not started:
    /// the test runs its <see cref="PlatformStartup"/> when it needs the zones loaded.</summary>
    protected (ServiceProvider Services, ServedZones Served) NewNode(TimeProvider? clock = null)
    {
        var served = new ServedZones();
        var node = (BuildServices(StorageOptions, served.Publisher, clock, Configure), served);
        _otherNodes.Add(node);
        return node;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var (services, served) in _otherNodes)
        {
            await services.DisposeAsync();
            served.Dispose();
        }
        if (_services is not null) await _services.DisposeAsync();
        Dispose();
        await Storage.DisposeAsync();
    }

    /// <summary>Stops this test's DNS engine (xUnit calls it after <see cref="DisposeAsync"/> too; once is enough).</summary>
    public void Dispose()
    {
        _served?.Dispose();
        _served = null;
        GC.SuppressFinalize(this);
    }

    private static ServiceProvider BuildServices(StorageOptions storage, IZonePublisher publisher, TimeProvider? clock = null,
        Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(publisher);
        if (clock is not null) services.AddSingleton(clock);
        services.AddMeridianPlatform();
        services.Configure<StorageOptions>(o =>
        {
            o.Sqlite = storage.Sqlite;
            o.Postgres = storage.Postgres;
        });
        services.Configure<ZoneOptions>(o =>
        {
            o.Nameservers = ["ns1.meridian.test.", "ns2.meridian.test."];
            o.Hostmaster = "hostmaster.meridian.test.";
        });
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>A new client account (optionally with a domain limit), acting through a new production key.</summary>
    protected async Task<Actor> NewClientAsync(int? domainLimit = null, ApiEnvironment environment = ApiEnvironment.Production)
    {
        var account = Ok(await Accounts.CreateAsync(AccountKind.Client, "client " + Guid.NewGuid().ToString("N")[..6], "owner@example.net", domainLimit));
        var issued = Ok(await Keys.IssueAsync(account.Id, "tests", environment));
        return new Actor(account.Id, issued.Key.Id, environment);
    }

    protected async Task<Zone> NewZoneAsync(Actor actor, string name) => Ok(await Domains.CreateAsync(actor, name));

    protected static T Ok<T>(ServiceResult<T> result)
    {
        Assert.True(result.Succeeded, result.Succeeded ? "" : $"{result.Error!.Kind}: {result.Error.Message}");
        return result.Value!;
    }

    protected static ServiceError Refused<T>(ServiceResult<T> result, ServiceErrorKind kind)
    {
        Assert.False(result.Succeeded, "expected a refusal, got " + result);
        Assert.Equal(kind, result.Error!.Kind);
        return result.Error;
    }
}
