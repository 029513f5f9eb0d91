using System.Data.Common;
using Meridian.Platform.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Meridian.Platform.Storage;

/// <summary>A write transaction that serializes with other writers the way each database needs:
/// SQLite takes the process's write gate and BEGIN IMMEDIATE on the process's one write connection (its one
/// write lock, waited for with the busy timeout across processes); PostgreSQL locks the zone row
/// (SELECT … FOR UPDATE) or, for zone creation, a transaction-scoped advisory lock.
/// Hand-written statements run on <see cref="Connection"/>; an EF Core context (<see cref="Db"/>) is made
/// on first use, enlisted in the same transaction.</summary>
internal sealed class WriteTransaction : IAsyncDisposable
{
    // An arbitrary constant naming "zone creation" among advisory locks.
    private const long ZoneCreationLockKey = 0x4D_5A_43_52; // "MZCR"

    private static readonly Func<MeridianDbContext, Guid, Task<Zone?>> s_zoneById =
        EF.CompileAsyncQuery((MeridianDbContext db, Guid id) => db.Zones.SingleOrDefault(z => z.Id == id));

    private readonly PlatformDatabase _database;
    private readonly SqliteWriteConnection? _sqlite;
    private readonly IDbContextTransaction? _efTransaction; // PostgreSQL: the transaction as EF Core began it
    private MeridianDbContext? _db;
    private bool _gateHeld;

    private WriteTransaction(PlatformDatabase database, SqliteWriteConnection? sqlite, MeridianDbContext? db, IDbContextTransaction? efTransaction,
        DbConnection connection, DbTransaction transaction)
    {
        _database = database;
        _sqlite = sqlite;
        _db = db;
        _efTransaction = efTransaction;
        _gateHeld = sqlite is not null;
        Connection = connection;
        Transaction = transaction;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>An EF Core context on this transaction, made on first use.</summary>
    public MeridianDbContext Db => _db ??= EnlistedContext();

    public StorageProvider Provider => _database.Provider;

    public static async Task<WriteTransaction> BeginAsync(PlatformDatabase database, CancellationToken cancellationToken)
    {
        if (database.SqliteWriter is { } writer)
        {
            await database.SqliteWriteGate.WaitAsync(cancellationToken);
            try
            {
                var connection = writer.Open();
                // deferred: false is BEGIN IMMEDIATE: the write lock now, not at the first write.
                var transaction = connection.BeginTransaction(deferred: false);
                return new WriteTransaction(database, writer, null, null, connection, transaction);
            }
            catch
            {
                database.SqliteWriteGate.Release();
                throw;
            }
        }
        var db = database.CreateContext();
        try
        {
            // The whole transaction is one unit; SaveChanges needs no savepoints of its own inside it.
            db.Database.AutoSavepointsEnabled = false;
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new WriteTransaction(database, null, db, transaction, db.Database.GetDbConnection(), transaction.GetDbTransaction());
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A command for <paramref name="sql"/> in this transaction; on SQLite it is the write connection's
    /// prepared command for that text. Dispose the lease, not the command.</summary>
    public CommandLease Command(string sql)
    {
        if (_sqlite is not null)
        {
            var prepared = _sqlite.Command(sql);
            prepared.Transaction = (SqliteTransaction)Transaction;
            return new CommandLease(prepared, owned: false);
        }
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return new CommandLease(command, owned: true);
    }

    /// <summary>A command for <paramref name="sql"/> with <paramref name="parameters"/> bound (see
    /// <see cref="Command(string)"/>). Dispose the lease, not the command.</summary>
    public CommandLease Command(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var lease = Command(sql);
        var command = lease.Command;
        // A prepared command comes back with the parameters of its last use: the same text names the same
        // parameters in the same order, so only the values change.
        if (command.Parameters.Count == parameters.Length)
        {
            for (int i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value;
            return lease;
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return lease;
    }

    /// <summary>The zone row, tracked and locked for the rest of the transaction; null when there is none.</summary>
    public async Task<Zone?> LockZoneAsync(Guid zoneId, CancellationToken cancellationToken)
    {
        if (Provider == StorageProvider.Postgres)
        {
            var rows = await Db.Zones.FromSql($"SELECT * FROM zones WHERE id = {zoneId} FOR UPDATE").ToListAsync(cancellationToken);
            return rows.Count == 0 ? null : rows[0];
        }
        return await s_zoneById(Db, zoneId);
    }

    /// <summary>Serializes zone creation (name, quota and parent/child checks must see every other creation).</summary>
    public async Task LockZoneCreationAsync(CancellationToken cancellationToken)
    {
        if (Provider == StorageProvider.Postgres)
            await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ZoneCreationLockKey})", cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_efTransaction is not null) await _efTransaction.CommitAsync(cancellationToken);
        else await Transaction.CommitAsync(cancellationToken);
        ReleaseGate();
    }

    public async ValueTask DisposeAsync()
    {
        // Rolls back when not committed. On SQLite the connection stays open for the next writer.
        if (_efTransaction is not null) await _efTransaction.DisposeAsync();
        else await Transaction.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        ReleaseGate();
    }

    private MeridianDbContext EnlistedContext()
    {
        var db = _sqlite!.CreateContext();
        db.Database.AutoSavepointsEnabled = false;
        db.Database.UseTransaction(Transaction);
        return db;
    }

    private void ReleaseGate()
    {
        if (!_gateHeld) return;
        _gateHeld = false;
        _database.SqliteWriteGate.Release();
    }
}

/// <summary>A command borrowed for one statement: disposing it disposes only commands made for the lease.</summary>
internal readonly struct CommandLease(DbCommand command, bool owned) : IAsyncDisposable
{
    public DbCommand Command { get; } = command;

    public ValueTask DisposeAsync() => owned ? Command.DisposeAsync() : ValueTask.CompletedTask;
}
