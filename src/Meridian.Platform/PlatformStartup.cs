using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;

namespace Meridian.Platform;

/// <summary>What runs once when a process starts: migrate the database, then publish every active
/// production zone to the <see cref="IZonePublisher"/>.</summary>
public sealed class PlatformStartup
{
    private readonly PlatformDatabase _database;
    private readonly ZonePublication _publication;

    internal PlatformStartup(PlatformDatabase database, ZonePublication publication)
    {
        _database = database;
        _publication = publication;
    }

    /// <summary>Returns how many zones were published.</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken = default)
    {
        await _database.MigrateAsync(cancellationToken);
        return await _publication.PublishAllAsync(_database, cancellationToken);
    }
}
