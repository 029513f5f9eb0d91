using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Meridian.Platform.Transfer;
using Meridian.Platform.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.DynamicUpdate;

/// <summary>Makes the DNS server's UPDATE handler from the platform's services.</summary>
internal static class DynamicUpdateServiceCollectionExtensions
{
    /// <summary>The writer is resolved at the first update, not now: it publishes into the DNS server, which is being
    /// built with this handler (resolving it here would go round in a circle).</summary>
    public static DnsUpdateService CreateDnsUpdateService(this IServiceProvider services) =>
        new(services.GetRequiredService<PlatformDatabase>(), services.GetRequiredService<TsigKeyring>(), services.GetRequiredService<ApexRecords>(),
            () => services.GetRequiredService<ZoneWriter>());
}
