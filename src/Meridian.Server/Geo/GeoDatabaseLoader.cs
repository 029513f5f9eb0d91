using Meridian.Geo;

namespace Meridian.Server.Geo;

/// <summary>Puts the configured .mmdb file into the locator at start, and again whenever the file is replaced
/// (watched) or <see cref="Reload"/> is called (SIGHUP in <c>meridian dns</c>). A file that fails to load
/// leaves the current database in use. With no file, every client is of unknown location; that is said once.</summary>
internal sealed class GeoDatabaseLoader : IDisposable
{
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(500);

    private readonly GeoLocator _locator;
    private readonly Action<string> _info;
    private readonly Action<string> _warning;
    private readonly Lock _loading = new();
    private FileSystemWatcher? _watcher;
    private Timer? _settleTimer;
    private bool _saidMissing;

    /// <param name="fallbackPath">Loaded while <paramref name="path"/> does not exist (the database shipped beside the
    /// binary); a file that appears at <paramref name="path"/> later takes its place.</param>
    public GeoDatabaseLoader(GeoLocator locator, string path, Action<string> info, Action<string> warning, string? fallbackPath = null)
    {
        _locator = locator;
        Path = System.IO.Path.GetFullPath(path);
        FallbackPath = fallbackPath is null ? null : System.IO.Path.GetFullPath(fallbackPath);
        _info = info;
        _warning = warning;
    }

    /// <summary>The database file, absolute.</summary>
    public string Path { get; }

    /// <summary>The file used while <see cref="Path"/> is missing, absolute; null when there is none.</summary>
    public string? FallbackPath { get; }

    /// <summary>Loads the file if it is there, and watches for it to be created or replaced when asked.</summary>
    public void Start(bool watch)
    {
        Reload();
        if (watch) Watch();
    }

    /// <summary>Loads the file again; the current database stays when it is missing or unreadable.</summary>
    public void Reload()
    {
        lock (_loading)
        {
            if (!File.Exists(Path))
            {
                if (_locator.Database is null && FallbackPath is not null && File.Exists(FallbackPath))
                {
                    Load(FallbackPath);
                    return;
                }
                if (_locator.Database is null && !_saidMissing)
                {
                    _saidMissing = true;
                    _warning($"no geo database at {Path}: every client is of unknown location (scripts/install-geo-db.sh installs one)");
                }
                return;
            }
            Load(Path);
        }
    }

    private void Load(string path)
    {
        if (_locator.TryLoad(path, out var error)) _info($"geo database loaded: {_locator.Database}");
        else _warning($"{error}; {(_locator.Database is null ? "every client is of unknown location" : "the previous database stays in use")}");
    }

    private void Watch()
    {
        string? directory = System.IO.Path.GetDirectoryName(Path);
        try
        {
            // Made when missing, so a database installed later (scripts/install-geo-db.sh) is seen.
            if (directory is not null) Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warning($"geo database folder {directory} cannot be made ({e.Message}): the database is not watched for changes");
            return;
        }
        if (directory is null) return;
        // Copies arrive as several events; load once they have settled.
        _settleTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, _) => Settle();
        _watcher.Changed += (_, _) => Settle();
        _watcher.Renamed += (_, _) => Settle();
        _watcher.EnableRaisingEvents = true;
    }

    private void Settle() => _settleTimer?.Change(s_settle, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher?.Dispose();
        _settleTimer?.Dispose();
    }
}
