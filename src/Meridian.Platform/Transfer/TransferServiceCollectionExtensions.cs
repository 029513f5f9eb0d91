using Meridian.Dns.Names;
using Meridian.Dns.Server.Notify;
using Meridian.Dns.Server.Transfer;
using Meridian.Dns.Server.Tsig;
using Meridian.Platform.DynamicUpdate;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Platform.Transfer;

/// <summary>Registers TSIG keys (secrets encrypted with the database's Data Protection key ring), transfer access, IXFR from the journal and NOTIFY. Bind and validate
/// <see cref="TransferOptions"/> ("Transfer") where configuration is read.</summary>
public static class TransferServiceCollectionExtensions
{
    public static IServiceCollection AddMeridianTransfers(this IServiceCollection services)
    {
        services.AddOptions<TransferOptions>();
        services.AddDatabaseDataProtection();
        services.AddSingleton(sp => new TsigSecretProtection(sp.GetRequiredService<IDataProtectionProvider>()));
        services.AddSingleton(sp => new TsigKeyring(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TsigSecretProtection>(),
            sp.GetRequiredService<IOptions<TransferOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TransferAccessRule(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<IOptions<TransferOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TsigKeyService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TsigKeyring>(),
            sp.GetRequiredService<TsigSecretProtection>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ZoneTransferSettingsService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TransferAccessRule>(),
            sp.GetRequiredService<IOptions<TransferOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ZoneTransferServices(new TsigVerifier(sp.GetRequiredService<TsigKeyring>(), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TransferAccessRule>(), new JournalZoneDifferences(sp.GetRequiredService<PlatformDatabase>()))
        {
            Updates = sp.CreateDnsUpdateService(),
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TransferOptions>>().Value;
            var keyring = sp.GetRequiredService<TsigKeyring>();
            // The NOTIFY key is looked up when the first NOTIFY goes out, so a key made after start is found.
            DnsName? keyName = options.NotifyTsig is { } text && DnsName.TryParseUserInput(text, out var parsed, out _) ? parsed : null;
            return new NotifySender(keyName is null ? null : () => keyring.Find(keyName),
                options.NotifyRetry, options.NotifyMinInterval, sp.GetRequiredService<ILogger<NotifySender>>(), sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }

    /// <summary>Wraps a publisher so that every published change is announced to the zone's secondaries.</summary>
    public static IZonePublisher WithNotify(this IZonePublisher publisher, IServiceProvider services) =>
        new NotifyingZonePublisher(publisher, services.GetRequiredService<NotifySender>(), services.GetRequiredService<TransferAccessRule>());
}
