using Meridian.Platform.Storage;

namespace Meridian.Platform.Following;

/// <summary>Appends entries to the change feed inside a write transaction, just before its commit (see
/// <see cref="ChangeFeedSql"/> for why it must be last). The record write path stages its entry with its other
/// statements instead (<see cref="ZoneStatements.AppendToFeed"/>).</summary>
internal static class ChangeFeedAppend
{
    public static Task ZoneAsync(WriteTransaction transaction, Guid zoneId, long serial, DateTime now, CancellationToken cancellationToken) =>
        AppendAsync(transaction, [(ChangeFeedKinds.Zone, zoneId, serial, null)], now, cancellationToken);

    /// <summary>Entries telling every node to forget what it cached about these keys.</summary>
    public static Task KeysAsync(WriteTransaction transaction, IEnumerable<string> keyIds, DateTime now, CancellationToken cancellationToken) =>
        AppendAsync(transaction, [.. keyIds.Distinct(StringComparer.Ordinal).Select(id => (ChangeFeedKinds.ApiKey, (Guid?)null, (long?)null, (string?)id))],
            now, cancellationToken);

    private static async Task AppendAsync(WriteTransaction transaction, IReadOnlyList<(string Kind, Guid? ZoneId, long? Serial, string? KeyId)> entries,
        DateTime now, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        if (ChangeFeedSql.Prologue(transaction.Provider) is { } prologue)
        {
            await using var locking = transaction.Command(prologue);
            await locking.Command.ExecuteNonQueryAsync(cancellationToken);
        }
        var sql = SqlDialect.For(transaction.Provider);
        foreach (var (kind, zoneId, serial, keyId) in entries)
        {
            await using var command = transaction.Command(ChangeFeedSql.InsertEntry, ("@kind", kind), ("@zone", sql.Value(zoneId)),
                ("@serial", serial is { } s ? s : DBNull.Value), ("@key", SqlDialect.Value(keyId)), ("@at", sql.Value(now)));
            await command.Command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
