using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meridian.Platform.Storage;

/// <summary>Per-connection SQLite settings. WAL itself is a property of the file (set once at start);
/// synchronous=NORMAL is safe with WAL against process crashes and spares an fsync per commit; the busy
/// timeout makes a writer wait for another process's write lock instead of failing; checkpoints are left to
/// <see cref="SqliteCheckpointer"/> (a commit checkpoints only when the log passes 10,000 pages). The settings
/// belong to the native connection, which the driver's pool keeps across opens, so they are sent once per
/// native connection rather than on every open (that was a statement per request on the read and write paths).</summary>
internal sealed class SqliteConnectionSetup(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas = Pragmas(busyTimeout);

    /// <summary>The settings every connection to the file gets, as one batch of statements.</summary>
    public static string Pragmas(TimeSpan busyTimeout) => string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds}; PRAGMA wal_autocheckpoint=10000;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = [];

    private void Apply(DbConnection connection)
    {
        object? native = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
        if (native is not null && _configured.TryGetValue(native, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        if (native is not null) _configured.TryAdd(native, native);
    }
}
