using Meridian.Platform.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Meridian.Platform.Storage;

/// <summary>A write transaction that serializes with other writers the way each database needs:
/// SQLite takes the process's write gate and BEGIN IMMEDIATE (its one write lock, waited for with the
/// busy timeout across processes); PostgreSQL locks the zone row (SELECT … FOR UPDATE) or, for zone
/// creation, a transaction-scoped advisory lock.</summary>
internal sealed class WriteTransaction : IAsyncDisposable
{
    // An arbitrary constant naming "zone creation" among advisory locks.
    private const long ZoneCreationLockKey = 0x4D_5A_43_52; // "MZCR"

    private readonly PlatformDatabase _database;
    private readonly IDbContextTransaction _transaction;
    private bool _gateHeld;

    private WriteTransaction(PlatformDatabase database, MeridianDbContext db, IDbContextTransaction transaction, bool gateHeld)
    {
        _database = database;
        Db = db;
        _transaction = transaction;
        _gateHeld = gateHeld;
    }

    public MeridianDbContext Db { get; }

    public StorageProvider Provider => _database.Provider;

    public static async Task<WriteTransaction> BeginAsync(PlatformDatabase database, CancellationToken cancellationToken)
    {
        bool sqlite = database.Provider == StorageProvider.Sqlite;
        if (sqlite) await database.SqliteWriteGate.WaitAsync(cancellationToken);
        MeridianDbContext? db = null;
        try
        {
            db = database.CreateContext();
            // Microsoft.Data.Sqlite begins non-deferred transactions with BEGIN IMMEDIATE.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new WriteTransaction(database, db, transaction, sqlite);
        }
        catch
        {
            if (db is not null) await db.DisposeAsync();
            if (sqlite) database.SqliteWriteGate.Release();
            throw;
        }
    }

    /// <summary>The zone row, tracked and locked for the rest of the transaction; null when there is none.</summary>
    public async Task<Zone?> LockZoneAsync(Guid zoneId, CancellationToken cancellationToken)
    {
        if (Provider == StorageProvider.Postgres)
        {
            var rows = await Db.Zones.FromSql($"SELECT * FROM zones WHERE id = {zoneId} FOR UPDATE").ToListAsync(cancellationToken);
            return rows.Count == 0 ? null : rows[0];
        }
        return await Db.Zones.SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
    }

    /// <summary>Serializes zone creation (name, quota and parent/child checks must see every other creation).</summary>
    public async Task LockZoneCreationAsync(CancellationToken cancellationToken)
    {
        if (Provider == StorageProvider.Postgres)
            await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ZoneCreationLockKey})", cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken);
        ReleaseGate();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await Db.DisposeAsync();
        ReleaseGate();
    }

    private void ReleaseGate()
    {
        if (!_gateHeld) return;
        _gateHeld = false;
        _database.SqliteWriteGate.Release();
    }
}
