using System.Diagnostics.CodeAnalysis;

namespace Meridian.Geo;

/// <summary>
/// Answers "where is this address?" from the operator overrides, then the current database; both can be
/// replaced while queries run. Lookups take no lock: they read the current references once.
/// </summary>
public sealed class GeoLocator : IDisposable
{
    private readonly TimeSpan _retireDelay;
    private readonly Lock _retiring = new();
    private readonly List<GeoDatabase> _retired = [];
    private volatile GeoDatabase? _database;
    private volatile GeoOverrides _overrides;
    private bool _disposed;

    /// <param name="overrides">CIDR rules checked before the database; none when null.</param>
    /// <param name="retireDelay">
    /// How long a replaced database stays open so lookups already inside it finish (default 10 s).
    /// </param>
    public GeoLocator(GeoOverrides? overrides = null, TimeSpan? retireDelay = null)
    {
        _overrides = overrides ?? GeoOverrides.Empty;
        _retireDelay = retireDelay ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>The database in use, or null when none is loaded (every address outside the overrides is unknown).</summary>
    public GeoDatabase? Database => _database;

    public GeoOverrides Overrides
    {
        get => _overrides;
        set => _overrides = value ?? GeoOverrides.Empty;
    }

    /// <summary>Locates an address of 4 or 16 octets; <see cref="GeoLocation.Unknown"/> when nothing knows it.</summary>
    public GeoLocation Locate(ReadOnlySpan<byte> address)
    {
        if (_overrides.TryLookup(address, out var country)) return new GeoLocation(country);
        var database = _database;
        return database is not null && database.TryLookup(address, out var location) ? location : GeoLocation.Unknown;
    }

    /// <summary>Opens a database file and puts it in use; on failure the current database stays.</summary>
    public bool TryLoad(string path, [NotNullWhen(false)] out string? error)
    {
        if (!GeoDatabase.TryOpen(path, out var database, out error)) return false;
        Swap(database);
        return true;
    }

    /// <summary>Puts a database in use (null unloads); the previous one is closed after the retire delay.</summary>
    public void Swap(GeoDatabase? database)
    {
        var previous = Interlocked.Exchange(ref _database, database);
        if (previous is not null && !ReferenceEquals(previous, database)) Retire(previous);
    }

    private void Retire(GeoDatabase database)
    {
        lock (_retiring)
        {
            if (_disposed || _retireDelay <= TimeSpan.Zero)
            {
                database.Dispose();
                return;
            }
            _retired.Add(database);
        }
        _ = Task.Delay(_retireDelay).ContinueWith(_ => CloseRetired(database), TaskScheduler.Default);
    }

    private void CloseRetired(GeoDatabase database)
    {
        lock (_retiring)
        {
            if (!_retired.Remove(database)) return;
        }
        database.Dispose();
    }

    /// <summary>Closes the current database and any replaced ones still waiting to close.</summary>
    public void Dispose()
    {
        GeoDatabase[] retired;
        lock (_retiring)
        {
            if (_disposed) return;
            _disposed = true;
            retired = [.. _retired];
            _retired.Clear();
        }
        Interlocked.Exchange(ref _database, null)?.Dispose();
        foreach (var database in retired) database.Dispose();
    }
}
