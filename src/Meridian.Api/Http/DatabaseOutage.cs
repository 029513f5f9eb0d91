using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meridian.Api.Http;

/// <summary>Recognizes a failure that means "the database cannot be reached right now" (as opposed to a bug or a
/// refused statement), wherever EF Core or the drivers wrapped it, so a request answers 503 with Retry-After
/// instead of 500.</summary>
public static class DatabaseOutage
{
    /// <summary>What Retry-After says: long enough not to hammer a database that is restarting, short enough that
    /// a client comes back soon after it has.</summary>
    public const int RetryAfterSeconds = 5;

    private const int MaxDepth = 16;

    // SQLite primary result codes: another process holds the file past the busy timeout, a table lock, an I/O
    // error, a full disk, a file that cannot be opened.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    public static bool IsCause(Exception exception)
    {
        int depth = 0;
        for (var e = exception; e is not null && depth < MaxDepth; e = e.InnerException, depth++)
        {
            switch (e)
            {
                case PostgresException postgres:
                    if (IsServerUnavailable(postgres.SqlState)) return true;
                    break;
                // Connection refused or broken, a timeout, the pool exhausted: Npgsql marks these transient.
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCantOpen }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 58 (system error), and the
    /// server shutting down, crashed, or still starting (57P01, 57P02, 57P03).</summary>
    private static bool IsServerUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("58", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
