using Meridian.Platform;
using Meridian.Platform.Auth;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Meridian.Platform.Transfer;
using Meridian.Server.Configuration;

namespace Meridian.Server.Hosting;

/// <summary>Registers the management plane the same way for `meridian serve` and for the CLI commands, so
/// both read the same database from the same flags. Options are bound from configuration when first used,
/// so every configuration layer (including a test host's) counts; <c>serve</c> validates them on start
/// (<see cref="MeridianConfiguration"/>).</summary>
internal static class PlatformComposition
{
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddMeridianPlatform();
        // "Storage" (SqliteBusyTimeout, or connection strings of its own), then the Meridian section's shorthand: a
        // PostgreSQL connection string in Meridian:Database, else SQLite in Meridian:DataDirectory unless Storage:Sqlite
        // names another file.
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").PostConfigure<IConfiguration>((storage, configuration) =>
        {
            var serve = configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
            if (!string.IsNullOrWhiteSpace(serve.Database)) storage.Postgres = serve.Database;
            else if (string.IsNullOrWhiteSpace(configuration["Storage:Sqlite"])) storage.Sqlite = $"Data Source={Path.Combine(serve.DataDirectory, "meridian.db")}";
        });
        services.AddOptions<ZoneOptions>().BindConfiguration("Zones").PostConfigure<IConfiguration>((zones, configuration) =>
            MeridianConfiguration.Replace(zones.Nameservers, configuration.GetSection("Zones:Nameservers").Get<string[]>()));
        services.AddOptions<ApiKeyCacheOptions>().BindConfiguration(ApiKeyCacheOptions.Section);
        services.AddMeridianTransfers();
        services.AddOptions<TransferOptions>().BindConfiguration(TransferOptions.Section);
        return services;
    }
}
