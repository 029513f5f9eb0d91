using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Support;

/// <summary>The platform wired as a server wires it, on a fresh database of one provider, with a
/// publisher that records what would be served. Each storage test class derives from this once and is
/// run by a SQLite and a PostgreSQL subclass.</summary>
public abstract class PlatformTestBase(ITestStorage storage) : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected ITestStorage Storage { get; } = storage;

    protected RecordingZonePublisher Publisher { get; } = new();

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
        var options = await Storage.CreateAsync();
        StorageOptions = options;
        _services = BuildServices(options, Publisher, Clock);
        await Services.GetRequiredService<PlatformStartup>().StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await Storage.DisposeAsync();
    }

    internal static ServiceProvider BuildServices(StorageOptions storage, IZonePublisher publisher, TimeProvider? clock = null)
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
