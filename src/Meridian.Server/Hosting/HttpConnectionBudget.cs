using Microsoft.AspNetCore.Connections;

namespace Meridian.Server.Hosting;

/// <summary>Holds an HTTP listener to its budget of open connections (Http:MaxConnections plus upgraded ones). At the
/// budget the listener stops accepting, so further connects wait in the kernel's backlog without a descriptor. Left
/// to Kestrel, each of them would be accepted only to be closed, and under a burst of connects those closes lag the
/// accepts (measured: about 500 descriptors more than the budget at the peak of a 3,000-connection flood). Room is
/// found by looking at which connections have closed, and only while the budget is used up. Used by one accept loop;
/// not thread-safe.</summary>
internal sealed class HttpConnectionBudget(int capacity, TimeProvider time)
{
    private static readonly TimeSpan s_recheck = TimeSpan.FromMilliseconds(50);

    private readonly List<ConnectionContext> _open = [];

    /// <summary>Connections handed to Kestrel and not yet seen closed.</summary>
    public int Count => _open.Count;

    /// <summary>Waits until a connection may be accepted; false when cancelled first.</summary>
    public async ValueTask<bool> WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (_open.Count >= capacity)
        {
            _open.RemoveAll(connection => connection.ConnectionClosed.IsCancellationRequested);
            if (_open.Count < capacity) break;
            try
            {
                await Task.Delay(s_recheck, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    public void Add(ConnectionContext connection) => _open.Add(connection);
}
