using Meridian.Platform.EmailDns;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Storage;

/// <summary>Data Protection with its key ring in the database (<c>data_protection_keys</c>), so every node and every CLI
/// command of one deployment encrypts and decrypts with the same keys. Registering it twice is harmless.</summary>
public static class DatabaseDataProtection
{
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("meridian");
        services.AddOptions<KeyManagementOptions>().Configure<PlatformDatabase>((options, database) => options.XmlRepository = new DatabaseKeyRepository(database));
        return services;
    }
}
