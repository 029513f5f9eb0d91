using Meridian.Geo;
using Meridian.Server.Hosting;

namespace Meridian.Server.Geo;

/// <summary>Loads the geo database before DNS starts answering in <c>meridian serve</c>, and keeps it current.</summary>
internal sealed partial class GeoHostedService(GeoLocator locator, IConfiguration configuration, ILogger<GeoHostedService> logger)
    : IHostedService, IDisposable
{
    private GeoDatabaseLoader? _loader;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(GeoOptions.Section).Get<GeoOptions>() ?? new GeoOptions();
        var serve = configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
        _loader = new GeoDatabaseLoader(locator, options.DatabasePath(serve.DataDirectory),
            info => LogGeoInfo(logger, info), warning => LogGeoWarning(logger, warning));
        _loader.Start(options.WatchDatabase);
        if (locator.Overrides.Count > 0) LogOverrides(logger, locator.Overrides.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _loader?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _loader?.Dispose();

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogGeoInfo(ILogger logger, string message);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogGeoWarning(ILogger logger, string message);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "{Count} geo override(s) configured")]
    private static partial void LogOverrides(ILogger logger, int count);
}
