using Meridian.Platform.Storage;

namespace Meridian.Platform.Following;

/// <summary>How a write appends to the change feed, as the last statements of its transaction.
/// <para>Commit order on PostgreSQL: concurrent transactions commit in an order their sequence values do not
/// follow, so a follower reading "positions above N" could pass over a lower position that commits later. The
/// append therefore first takes one transaction-scoped advisory lock, and only then draws the position; the lock
/// is held until the transaction ends, and PostgreSQL makes a commit visible before it releases its locks. So a
/// position is drawn only after every lower position's transaction is visible or gone, and a follower that has
/// seen position N has seen everything committed before it (a rolled-back position is a gap that never fills).
/// The lock serializes only the last moments of each write (the append and the commit), not the write.</para>
/// <para>SQLite has one writer at a time, so its AUTOINCREMENT positions are in commit order already.</para></summary>
internal static class ChangeFeedSql
{
    /// <summary>The LISTEN/NOTIFY channel that wakes followers on PostgreSQL; the payload is empty.</summary>
    public const string NotificationChannel = "meridian_changes";

    // An arbitrary constant naming "the change feed" among advisory locks ("MCFD").
    private const long FeedLockKey = 0x4D_43_46_44;

    private const string InsertInto = "INSERT INTO change_feed (kind, zone_id, serial, key_id, at) VALUES ";

    /// <summary>Takes the feed lock and wakes the followers at commit; run once per transaction, before the inserts.
    /// Nothing on SQLite.</summary>
    public static string? Prologue(StorageProvider provider) => provider == StorageProvider.Postgres
        ? $"SELECT pg_advisory_xact_lock({FeedLockKey}); SELECT pg_notify('{NotificationChannel}', '')"
        : null;

    /// <summary>One entry with named parameters @kind, @zone, @serial, @key and @at.</summary>
    public const string InsertEntry = InsertInto + "(@kind, @zone, @serial, @key, @at)";

    /// <summary>The prologue and one entry for a write path that stages its statements (ZoneStatements): its "@"
    /// placeholders take kind, zone id, serial, key id and time, in that order.</summary>
    public static string PrologueAndInsert(StorageProvider provider)
    {
        const string staged = InsertInto + "(@, @, @, @, @)";
        return Prologue(provider) is { } prologue ? prologue + ";\n" + staged : staged;
    }
}
