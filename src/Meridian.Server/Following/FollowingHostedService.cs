using Meridian.Platform.Following;
using Meridian.Platform.Storage;

namespace Meridian.Server.Following;

/// <summary>Runs the <see cref="ChangeFollower"/> for the lifetime of the host (registered after the platform's start,
/// which loads the zones and sets where following begins), with PostgreSQL's LISTEN to wake it.</summary>
internal sealed class FollowingHostedService(ChangeFollower follower, ChangeNotifications notifications, PlatformDatabase database) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task> { follower.RunAsync(stoppingToken) };
        if (database.Provider == StorageProvider.Postgres) running.Add(notifications.ListenAsync(database.Options.Postgres!, stoppingToken));
        return Task.WhenAll(running);
    }
}
