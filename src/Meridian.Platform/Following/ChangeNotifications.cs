using Microsoft.Extensions.Logging;
using Npgsql;

namespace Meridian.Platform.Following;

/// <summary>PostgreSQL's LISTEN on <see cref="ChangeFeedSql.NotificationChannel"/>: every commit that appends to the
/// feed notifies, and this wakes the <see cref="ChangeFollower"/> at once instead of at its next poll. A broken
/// connection (the database restarting) is opened again after a pause; polling covers the gap.</summary>
public sealed partial class ChangeNotifications(ChangeFollower follower, ILogger<ChangeNotifications> logger)
{
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    public async Task ListenAsync(string connectionString, CancellationToken stopping)
    {
        // Its own connection outside the pool: it stays open and blocked in WaitAsync. Keepalives notice a
        // server that vanished without closing the connection.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 };
        bool reported = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, _) => follower.Wake();
                await connection.OpenAsync(stopping);
                await using (var listen = new NpgsqlCommand("LISTEN " + ChangeFeedSql.NotificationChannel, connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                // Whatever committed while nobody listened.
                follower.Wake();
                reported = false;
                while (!stopping.IsCancellationRequested) await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                if (!reported) LogListenFailed(logger, e.Message);
                reported = true;
            }
            try
            {
                await Task.Delay(ReconnectAfter, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Not listening for change notifications ({Message}); polling until the connection is back")]
    private static partial void LogListenFailed(ILogger logger, string message);
}
