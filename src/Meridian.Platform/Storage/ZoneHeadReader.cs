using System.Collections.Concurrent;
using System.Data.Common;

namespace Meridian.Platform.Storage;

/// <summary>Reads a zone's owner and serial by primary key, the one query every record listing makes.
/// It keeps a few open connections, each with the statement prepared, because on this path opening a
/// connection and preparing the statement cost more than running it.</summary>
internal sealed class ZoneHeadReader(PlatformDatabase database) : IDisposable
{
    /// <summary>Idle prepared connections kept; more concurrent readers open extra ones and close them after.</summary>
    private const int KeptIdle = 16;

    private readonly ConcurrentBag<PreparedHead> _idle = [];
    private readonly SqlDialect _sql = SqlDialect.For(database.Provider);

    public async Task<ZoneReadStatements.ZoneHead?> ReadAsync(Guid zoneId, CancellationToken cancellationToken)
    {
        var prepared = _idle.TryTake(out var idle) ? idle : await PrepareAsync(cancellationToken);
        ZoneReadStatements.ZoneHead? head;
        try
        {
            prepared.Id.Value = _sql.Value(zoneId);
            await using var reader = await prepared.Command.ExecuteReaderAsync(cancellationToken);
            head = await reader.ReadAsync(cancellationToken)
                ? new ZoneReadStatements.ZoneHead(_sql.ReadGuid(reader, 0), ColumnConversions.EnvironmentFromText(reader.GetString(1)), reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : _sql.ReadGuid(reader, 3), reader.GetString(4))
                : null;
        }
        catch
        {
            // The connection may be broken (a restarted server); never hand it out again.
            await prepared.DisposeAsync();
            throw;
        }
        if (_idle.Count < KeptIdle) _idle.Add(prepared);
        else await prepared.DisposeAsync();
        return head;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var prepared)) prepared.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<PreparedHead> PrepareAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenReadConnectionAsync(cancellationToken);
        try
        {
            var command = connection.CreateCommand();
            command.CommandText = ZoneReadStatements.HeadSql;
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = _sql.Value(Guid.Empty);
            command.Parameters.Add(id);
            await command.PrepareAsync(cancellationToken);
            return new PreparedHead(connection, command, id);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed record PreparedHead(DbConnection Connection, DbCommand Command, DbParameter Id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Command.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
