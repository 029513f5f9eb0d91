using Meridian.Platform.EmailDns;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meridian.Platform.Storage;

/// <summary>Data Protection with its key ring in the database (<c>data_protection_keys</c>), so every node and every CLI
/// command of one deployment encrypts and decrypts with the same keys. Registering it twice is harmless.</summary>
public static class DatabaseDataProtection
{
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("meridian");
        services.AddOptions<KeyManagementOptions>().Configure<PlatformDatabase>((options, database) => options.XmlRepository = new DatabaseKeyRepository(database));
        // Data Protection warms its key ring in a hosted service of its own, which can start before the platform has
        // migrated the database that holds the keys ("no such table" on a first start). PlatformStartup reads it
        // instead, right after the migrations.
        var warmUp = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList();
        foreach (var descriptor in warmUp) services.Remove(descriptor);
        return services;
    }
}
