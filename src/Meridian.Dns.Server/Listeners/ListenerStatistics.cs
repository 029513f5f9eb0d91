using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Dns.Server.Listeners;

/// <summary>Counters shared by the listeners; updated with interlocked adds, read by metrics and tests. The
/// counts that tell of pressure on the TCP listeners also go to <see cref="DnsListenerMetrics"/>.</summary>
internal sealed partial class ListenerStatistics
{
    private static readonly long s_failureReportInterval = Stopwatch.Frequency * 10;

    private readonly Lock _listenersLock = new();
    private readonly ILogger _logger;
    private ListenerCounters[] _listeners = [];
    private long _failuresSinceReport;
    private long _lastFailureReport = long.MinValue;

    public ListenerStatistics(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    /// <summary>Every listener's own counters, by address and transport.</summary>
    public IReadOnlyList<ListenerCounters> Listeners => Volatile.Read(ref _listeners);

    /// <summary>Counters for a new listener, made once when it binds.</summary>
    public ListenerCounters AddListener(string transport, string listener)
    {
        var counters = new ListenerCounters(transport, listener);
        lock (_listenersLock) _listeners = [.. _listeners, counters];
        return counters;
    }

    /// <summary>Drops a listener's counters (it closed, or its port was given up while binding).</summary>
    public void RemoveListener(ListenerCounters counters)
    {
        lock (_listenersLock) _listeners = [.. _listeners.Where(c => !ReferenceEquals(c, counters))];
    }

    /// <summary>Counts a query whose handling threw and logs it, at most once per 10 s with the count since the last
    /// line (a bug hit by every query must not flood the log). Off the hot path: only failures come here.</summary>
    public void ReportFailure(ListenerCounters counters, Exception exception)
    {
        counters.CountFailure();
        long failures = Interlocked.Increment(ref _failuresSinceReport);
        long now = Stopwatch.GetTimestamp();
        long last = Interlocked.Read(ref _lastFailureReport);
        if (last != long.MinValue && now - last < s_failureReportInterval) return;
        if (Interlocked.CompareExchange(ref _lastFailureReport, now, last) != last) return;
        Interlocked.Add(ref _failuresSinceReport, -failures);
        // The exception's type and message, not its stack: logs go to operators and log stores, not to debuggers.
        LogHandlerFailure(_logger, counters.Transport, counters.Listener, failures, exception.GetType().Name, exception.Message);
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error,
        Message = "DNS {Transport} on {Listener}: answering a query failed with {ExceptionType}: {ExceptionMessage} ({Failures} failure(s) since the last report); each costs that query, the listener goes on")]
    private static partial void LogHandlerFailure(ILogger logger, string transport, string listener, long failures, string exceptionType, string exceptionMessage);

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
