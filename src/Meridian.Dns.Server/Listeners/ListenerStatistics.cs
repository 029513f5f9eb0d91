using System.Diagnostics;
using System.Net.Sockets;

namespace Meridian.Dns.Server.Listeners;

/// <summary>Counters shared by the listeners; updated with interlocked adds, read by metrics and tests. The
/// counts that tell of pressure on the TCP listeners also go to <see cref="DnsListenerMetrics"/>.</summary>
internal sealed class ListenerStatistics
{
    private long _udpQueries;
    private long _tcpQueries;
    private long _dropped;
    private long _tcpConnections;
    private long _tcpRejected;
    private long _tcpEvicted;
    private long _acceptFailures;

    public long UdpQueries => Interlocked.Read(ref _udpQueries);
    public long TcpQueries => Interlocked.Read(ref _tcpQueries);
    /// <summary>Packets answered with nothing: malformed beyond a FORMERR, or a handler failure.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);
    public long TcpConnections => Interlocked.Read(ref _tcpConnections);
    /// <summary>Connections closed at once because their source held its share of the listener already.</summary>
    public long TcpRejected => Interlocked.Read(ref _tcpRejected);
    /// <summary>Idle connections closed to make room for a new one when the listener was full.</summary>
    public long TcpEvicted => Interlocked.Read(ref _tcpEvicted);
    /// <summary>Accepts that failed (no descriptor, no buffer memory, …).</summary>
    public long AcceptFailures => Interlocked.Read(ref _acceptFailures);

    internal void CountUdpQuery() => Interlocked.Increment(ref _udpQueries);
    internal void CountUdpQueries(int count) => Interlocked.Add(ref _udpQueries, count);
    internal void CountDropped(int count) => Interlocked.Add(ref _dropped, count);
    internal void CountTcpQuery() => Interlocked.Increment(ref _tcpQueries);
    internal void CountDropped() => Interlocked.Increment(ref _dropped);
    internal void CountTcpConnection() => Interlocked.Increment(ref _tcpConnections);

    internal void CountTcpRejected()
    {
        Interlocked.Increment(ref _tcpRejected);
        DnsListenerMetrics.ConnectionsRefused.Add(1);
    }

    internal void CountTcpEvicted()
    {
        Interlocked.Increment(ref _tcpEvicted);
        DnsListenerMetrics.ConnectionsEvicted.Add(1);
    }

    internal void CountAcceptFailure(SocketError error)
    {
        Interlocked.Increment(ref _acceptFailures);
        DnsListenerMetrics.AcceptFailures.Add(1, new TagList { { "error.type", error.ToString() } });
    }
}
