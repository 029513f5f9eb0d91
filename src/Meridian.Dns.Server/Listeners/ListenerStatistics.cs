namespace Meridian.Dns.Server.Listeners;

/// <summary>Counters shared by the listeners; updated with interlocked adds, read by metrics and tests.</summary>
internal sealed class ListenerStatistics
{
    private long _udpQueries;
    private long _tcpQueries;
    private long _dropped;
    private long _tcpConnections;
    private long _tcpRejected;

    public long UdpQueries => Interlocked.Read(ref _udpQueries);
    public long TcpQueries => Interlocked.Read(ref _tcpQueries);
    /// <summary>Packets answered with nothing: malformed beyond a FORMERR, or a handler failure.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);
    public long TcpConnections => Interlocked.Read(ref _tcpConnections);
    /// <summary>Connections closed at once because the concurrent-connection cap was reached.</summary>
    public long TcpRejected => Interlocked.Read(ref _tcpRejected);

    internal void CountUdpQuery() => Interlocked.Increment(ref _udpQueries);
    internal void CountUdpQueries(int count) => Interlocked.Add(ref _udpQueries, count);
    internal void CountDropped(int count) => Interlocked.Add(ref _dropped, count);
    internal void CountTcpQuery() => Interlocked.Increment(ref _tcpQueries);
    internal void CountDropped() => Interlocked.Increment(ref _dropped);
    internal void CountTcpConnection() => Interlocked.Increment(ref _tcpConnections);
    internal void CountTcpRejected() => Interlocked.Increment(ref _tcpRejected);
}
