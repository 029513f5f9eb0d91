using Meridian.Platform;
using Meridian.Platform.Auth;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;

namespace Meridian.Server.Hosting;

/// <summary>Registers the management plane the same way for `meridian serve` and for the CLI commands, so
/// both read the same database from the same flags. Options are read from configuration when first used,
/// so every configuration layer (including a test host's) counts.</summary>
internal static class PlatformComposition
{
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddMeridianPlatform();
        services.AddOptions<StorageOptions>().Configure<IConfiguration>((storage, configuration) =>
        {
            var serve = configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
            if (!string.IsNullOrWhiteSpace(serve.Database)) storage.Postgres = serve.Database;
            else storage.Sqlite = $"Data Source={Path.Combine(serve.DataDirectory, "meridian.db")}";
        });
        services.AddOptions<ZoneOptions>().Configure<IConfiguration>((zones, configuration) =>
        {
            configuration.GetSection("Zones").Bind(zones);
            // The binder appends configured list items to the property's default list; configured nameservers replace it.
            if (configuration.GetSection("Zones:Nameservers").Get<string[]>() is { Length: > 0 } nameservers) zones.Nameservers = [.. nameservers];
        });
        services.AddOptions<ApiKeyCacheOptions>().Configure<IConfiguration>((keys, configuration) =>
            configuration.GetSection(ApiKeyCacheOptions.Section).Bind(keys));
        return services;
    }
}
