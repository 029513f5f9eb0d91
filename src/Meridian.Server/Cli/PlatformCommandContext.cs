using Meridian.Platform.Storage;
using Meridian.Server.Hosting;

namespace Meridian.Server.Cli;

/// <summary>The management plane for a CLI command: the same configuration layers and flags as
/// `meridian serve` (--data, --database), no DNS server, the database migrated.</summary>
internal sealed class PlatformCommandContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PlatformCommandContext(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<PlatformCommandContext> OpenAsync(IReadOnlyDictionary<string, string> flags)
    {
        var configuration = new ConfigurationManager();
        ConfigurationLayers.Apply(configuration, flags);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPlatform();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PlatformDatabase>().MigrateAsync();
        return new PlatformCommandContext(provider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
