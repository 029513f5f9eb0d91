using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Meridian.Platform.Storage;

/// <summary>The one connection this process writes to SQLite through, used only by the holder of
/// <see cref="PlatformDatabase.SqliteWriteGate"/> (SQLite has a single writer, so a second one would only
/// wait). Keeping it open keeps its prepared statements: a record write runs the same few statements every
/// time, and parsing them again, opening a pooled connection and wrapping the transaction in EF Core had
/// cost about as much as SQLite's own work for the write. EF Core contexts for the rarer writes (accounts,
/// keys, zone creation) are made over this same connection and transaction.</summary>
internal sealed class SqliteWriteConnection : IDisposable
{
    // Each distinct statement text keeps one prepared command; the texts are a handful of fixed shapes, so
    // the bound only matters if something starts generating them.
    private const int MaxPreparedCommands = 64;

    private readonly SqliteConnection _connection;
    private readonly string _pragmas;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Func<MeridianDbContext> _createContext;

    public SqliteWriteConnection(string connectionString, TimeSpan busyTimeout)
    {
        _connection = new SqliteConnection(connectionString);
        _pragmas = SqliteConnectionSetup.Pragmas(busyTimeout);
        var options = new DbContextOptionsBuilder<SqliteMeridianDbContext>().UseSqlite(_connection).Options;
        _createContext = new PooledDbContextFactory<SqliteMeridianDbContext>(options).CreateDbContext;
    }

    /// <summary>Opens the connection when it is not (first use, or after a failure closed it).</summary>
    public SqliteConnection Open()
    {
        if (_connection.State == System.Data.ConnectionState.Open) return _connection;
        DisposeCommands();
        _connection.Open();
        using var setup = _connection.CreateCommand();
        setup.CommandText = _pragmas;
        setup.ExecuteNonQuery();
        return _connection;
    }

    /// <summary>The prepared command for <paramref name="sql"/> (parameters as left by its last use); not to be disposed.</summary>
    public SqliteCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var command)) return command;
        if (_commands.Count >= MaxPreparedCommands) DisposeCommands();
        command = _connection.CreateCommand();
        command.CommandText = sql;
        _commands.Add(sql, command);
        return command;
    }

    /// <summary>An EF Core context that works on this connection (the caller enlists it in the open transaction).</summary>
    public MeridianDbContext CreateContext() => _createContext();

    public void Dispose()
    {
        DisposeCommands();
        _connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
