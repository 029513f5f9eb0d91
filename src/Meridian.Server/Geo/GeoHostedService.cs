using Meridian.Geo;
using Meridian.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Geo;

/// <summary>Loads the geo database before DNS starts answering in <c>meridian serve</c>, and keeps it current.</summary>
internal sealed partial class GeoHostedService(GeoLocator locator, IOptions<GeoOptions> geo, IOptions<ServeOptions> serveOptions,
    ILogger<GeoHostedService> logger)
    : IHostedService, IDisposable
{
    private GeoDatabaseLoader? _loader;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = geo.Value;
        var serve = serveOptions.Value;
        var choice = options.ChooseDatabase(serve.DataDirectory);
        LogDatabaseChosen(logger, choice.Path, choice.Source);
        // The data directory's file (or the configured one) is watched; the shipped one serves until it appears.
        _loader = new GeoDatabaseLoader(locator, options.WatchedPath(serve.DataDirectory), info => LogGeoInfo(logger, info), warning => LogGeoWarning(logger, warning),
            fallbackPath: choice.Source == GeoDatabaseSource.Shipped ? choice.Path : null);
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

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "geo database file {Path} ({Source})")]
    private static partial void LogDatabaseChosen(ILogger logger, string path, GeoDatabaseSource source);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "{Count} geo override(s) configured")]
    private static partial void LogOverrides(ILogger logger, int count);
}
