using Meridian.Platform;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;

namespace Meridian.Server.Hosting;

/// <summary>Registers the management plane the same way for `meridian serve` and for the CLI commands, so
/// both read the same database from the same flags.</summary>
internal static class PlatformComposition
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration, ServeOptions serve)
    {
        services.AddMeridianPlatform();
        services.Configure<StorageOptions>(storage =>
        {
            if (!string.IsNullOrWhiteSpace(serve.Database)) storage.Postgres = serve.Database;
            else storage.Sqlite = $"Data Source={Path.Combine(serve.DataDirectory, "meridian.db")}";
        });
        services.Configure<ZoneOptions>(configuration.GetSection("Zones"));
        return services;
    }
}
