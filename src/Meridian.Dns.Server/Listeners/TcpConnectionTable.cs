using System.Runtime.InteropServices;

namespace Meridian.Dns.Server.Listeners;

/// <summary>The open connections of one TCP listener with their two budgets: at most <c>maxPerSource</c> from one
/// source (more are refused), and at most <c>maxConnections</c> in all, where a new connection is admitted by
/// closing the one idle the longest (RFC 7766 §6.2.3), so a resolver that needs TCP gets through even when idle
/// connections fill the listener.</summary>
internal sealed class TcpConnectionTable(int maxConnections, int maxPerSource)
{
    private readonly Lock _gate = new();
    private readonly HashSet<TcpConnection> _open = [];
    private readonly Dictionary<TcpSource, int> _perSource = [];
    private readonly int _maxPerSource = Math.Min(maxPerSource, maxConnections);

    public int Count
    {
        get
        {
            lock (_gate) return _open.Count;
        }
    }

    /// <summary>Admits <paramref name="connection"/> unless its source holds its share already. When the table is
    /// full, the longest-idle connection is taken out to make room and returned in <paramref name="evicted"/>,
    /// for the caller to close outside the lock.</summary>
    public bool TryAdmit(TcpConnection connection, out TcpConnection? evicted)
    {
        evicted = null;
        lock (_gate)
        {
            if (_perSource.GetValueOrDefault(connection.Source) >= _maxPerSource) return false;
            if (_open.Count >= maxConnections)
            {
                evicted = LongestIdle();
                Forget(evicted);
            }
            _open.Add(connection);
            CollectionsMarshal.GetValueRefOrAddDefault(_perSource, connection.Source, out _)++;
            return true;
        }
    }

    /// <summary>Takes a closed connection out; nothing happens when it was evicted already.</summary>
    public void Release(TcpConnection connection)
    {
        lock (_gate) Forget(connection);
    }

    private void Forget(TcpConnection connection)
    {
        if (!_open.Remove(connection)) return;
        ref int count = ref CollectionsMarshal.GetValueRefOrNullRef(_perSource, connection.Source);
        if (--count == 0) _perSource.Remove(connection.Source);
    }

    /// <summary>A scan: the table holds at most Dns:MaxTcpConnections entries and this runs only when it is full,
    /// which costs microseconds per admitted connection.</summary>
    private TcpConnection LongestIdle()
    {
        TcpConnection? oldest = null;
        foreach (var candidate in _open)
        {
            if (oldest is null || candidate.IdleSince < oldest.IdleSince) oldest = candidate;
        }
        return oldest!;
    }
}
