using Meridian.Platform.Auth;
using Meridian.Platform.Following;
using Meridian.Platform.Naming;
using Meridian.Platform.Publishing;
using Meridian.Platform.Reading;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Meridian.Platform;

/// <summary>Registers the platform: storage, the services every API surface calls, and publishing.
/// Configure <see cref="StorageOptions"/> ("Storage") and <see cref="ZoneOptions"/> ("Zones"); register an
/// <see cref="IZonePublisher"/> (e.g. <see cref="DnsServerZonePublisher"/>) to serve DNS in-process — without
/// one, changes are stored only. Run <see cref="PlatformStartup.StartAsync"/> once before serving.</summary>
public static class PlatformServiceCollectionExtensions
{
    public static IServiceCollection AddMeridianPlatform(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>();
        services.AddOptions<ZoneOptions>();
        services.AddOptions<ApiKeyCacheOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IZonePublisher, NoZonePublisher>();
        services.TryAddSingleton(new SandboxZonePublisher(new NoZonePublisher()));
        services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));

        services.AddSingleton(sp => new PlatformDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => new ApexRecords(sp.GetRequiredService<IOptions<ZoneOptions>>().Value));
        services.AddSingleton(sp => new ZoneNameRules(PublicSuffixList.Load(sp.GetRequiredService<IOptions<ZoneOptions>>().Value.PublicSuffixListPath)));
        services.AddSingleton<ZoneLocks>();
        services.AddSingleton(sp => new ZonePublication(sp.GetRequiredService<IZonePublisher>(), sp.GetRequiredService<SandboxZonePublisher>(),
            sp.GetRequiredService<ApexRecords>(),
            sp.GetRequiredService<ILogger<ZonePublication>>()));
        services.AddSingleton(sp => new ZoneWriter(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZonePublication>(),
            sp.GetRequiredService<ZoneLocks>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ZoneCreation(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZonePublication>(),
            sp.GetRequiredService<ZoneLocks>(), sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton(sp => new ApiKeyCache(sp.GetRequiredService<IOptions<ApiKeyCacheOptions>>().Value));
        services.AddSingleton(sp => new AccountService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ApiKeyCache>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AccountPasswordService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ApiKeyService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ApiKeyCache>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DomainService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZoneNameRules>(),
            sp.GetRequiredService<ZoneCreation>(), sp.GetRequiredService<ZonePublication>(), sp.GetRequiredService<ZoneLocks>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ZoneHeadReader>()));
        services.AddSingleton<ZoneListingCache>();
        services.AddSingleton(sp => new ZoneHeadReader(sp.GetRequiredService<PlatformDatabase>()));
        services.AddSingleton(sp => new RecordService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZoneWriter>(),
            sp.GetRequiredService<ZoneHeadReader>(), sp.GetRequiredService<ZoneListingCache>()));
        services.AddSingleton(sp => new ImportService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZoneNameRules>(),
            sp.GetRequiredService<ZoneCreation>(), sp.GetRequiredService<ZoneWriter>()));
        services.AddSingleton(sp => new ExportService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ApexRecords>()));
        services.AddSingleton(sp => new UserService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LoginService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PartnerOverviewService(sp.GetRequiredService<PlatformDatabase>()));
        services.AddSingleton(sp => new InterfaceSettingsService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RecordBatchService(sp.GetRequiredService<ZoneWriter>()));
        services.AddSingleton(sp => new ChangeJournalService(sp.GetRequiredService<PlatformDatabase>()));
        services.AddSingleton(sp => new IdempotencyStore(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<FollowingOptions>();
        services.AddSingleton(sp => new ChangeFollower(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZonePublication>(),
            sp.GetRequiredService<ZoneLocks>(), sp.GetRequiredService<ApiKeyCache>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<FollowingOptions>>(), sp.GetRequiredService<ILogger<ChangeFollower>>()));
        services.AddSingleton<ChangeNotifications>();
        services.AddOptions<ChangeFeedRetentionOptions>();
        services.AddSingleton(sp => new ChangeFeedPruner(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ChangeFeedRetentionOptions>>(), sp.GetRequiredService<ILogger<ChangeFeedPruner>>()));
        services.AddSingleton(sp => new PlatformStartup(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZonePublication>(),
            sp.GetRequiredService<ChangeFollower>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<Transfer.TsigSecretProtection>(),
            sp.GetService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()));
        return services;
    }

    /// <summary>The Simple API's <c>meridian</c> backend: records of <paramref name="account"/>'s zones (its id or name),
    /// created with <paramref name="ttl"/>.</summary>
    public static Simple.ISimpleApiBackend CreateMeridianSimpleBackend(IServiceProvider services, string account, int ttl) =>
        new Simple.MeridianSimpleBackend(services.GetRequiredService<PlatformDatabase>(), services.GetRequiredService<ZoneWriter>(), account, ttl);

    /// <summary>The Simple API's <c>dnsimple</c> backend: rows kept here, records at DNSimple account <paramref name="account"/>
    /// (through <see cref="Providers.Adapters.DnsimpleClient"/>, registered by <c>AddDnsProviders</c>), created with <paramref name="ttl"/>.</summary>
    public static Simple.ISimpleApiBackend CreateDnsimpleSimpleBackend(IServiceProvider services, string token, long account, int ttl) =>
        new Simple.DnsimpleSimpleBackend(services.GetRequiredService<PlatformDatabase>(), services.GetRequiredService<Providers.Adapters.DnsimpleClient>,
            token, account, ttl, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<Simple.DnsimpleSimpleBackend>>());
}
