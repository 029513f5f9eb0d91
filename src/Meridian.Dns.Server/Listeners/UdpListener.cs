using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Server.Answering;

namespace Meridian.Dns.Server.Listeners;

/// <summary>Answers DNS over UDP on one address: one SO_REUSEPORT socket and one blocking receive loop
/// per worker thread (the kernel spreads packets over the sockets), no async hops, no allocation per
/// packet. Measured on this machine this is the cheapest style short of recvmmsg batching.</summary>
internal sealed class UdpListener : IDisposable
{
    private const int ReceiveBufferBytes = 4 * 1024 * 1024;
    private const int MaxUdpMessage = 65535;

    private readonly List<Socket> _sockets = [];
    private readonly List<Thread> _threads = [];
    private readonly Func<IQueryHandler> _createHandler;
    private readonly ListenerStatistics _statistics;
    private readonly ListenerCounters _counters;
    private volatile bool _stopping;

    private readonly int _maxResponse;
    private readonly bool _batched;

    public UdpListener(IPEndPoint endpoint, int workers, int maxResponse, bool batched, Func<IQueryHandler> createHandler, ListenerStatistics statistics)
    {
        _createHandler = createHandler;
        _statistics = statistics;
        _maxResponse = Math.Max(maxResponse, 512);
        _batched = batched && LinuxBatchSockets.IsSupported;
        for (int i = 0; i < workers; i++)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = false;
            SocketOptions.EnableReusePort(socket);
            socket.ReceiveBufferSize = ReceiveBufferBytes;
            socket.SendBufferSize = ReceiveBufferBytes;
            socket.Blocking = true;
            // Receives wake up this often without traffic, so a stopping loop notices in time.
            socket.ReceiveTimeout = 250;
            // Port 0 means "any free port": the first socket picks it, the rest join it.
            socket.Bind(i == 0 ? endpoint : new IPEndPoint(endpoint.Address, LocalEndPoint.Port));
            if (i == 0) LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
            _sockets.Add(socket);
        }
        LocalEndPoint ??= endpoint;
        _counters = statistics.AddListener("udp", LocalEndPoint.ToString());
    }

    public IPEndPoint LocalEndPoint { get; private set; } = null!;

    public void Start()
    {
        foreach (var socket in _sockets)
        {
            var thread = new Thread(() => Run(socket)) { IsBackground = true, Name = "dns-udp" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>True while every receive thread runs (they end only when the listener stops, or on a bug).</summary>
    public bool IsReceiving => _threads.Count > 0 && _threads.All(t => t.IsAlive);

    /// <summary>True when the loops batch system calls (recvmmsg/sendmmsg).</summary>
    public bool UsesBatching => _batched;

    private void Run(Socket socket)
    {
        if (_batched)
        {
            using var loop = new BatchedUdpLoop(socket, _createHandler(), _statistics, _counters, _maxResponse);
            loop.Run(() => _stopping);
            return;
        }
        ReceiveLoop(socket);
    }

    private void ReceiveLoop(Socket socket)
    {
        var handler = _createHandler();
        var query = GC.AllocateUninitializedArray<byte>(MaxUdpMessage, pinned: true);
        var response = GC.AllocateUninitializedArray<byte>(MaxUdpMessage, pinned: true);
        var remote = new SocketAddress(socket.AddressFamily);
        while (!_stopping)
        {
            int received;
            try
            {
                received = socket.ReceiveFrom(query, SocketFlags.None, remote);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize or SocketError.Interrupted or SocketError.TimedOut or SocketError.WouldBlock)
            {
                continue; // ICMP unreachable from an earlier send, or an oversized datagram: not fatal
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_stopping) return;
                continue;
            }
            _statistics.CountUdpQuery();
            long started = Stopwatch.GetTimestamp();
            int length = HandleSafely(handler, query.AsSpan(0, received), response, remote);
            if (length <= 0)
            {
                _statistics.CountDropped();
                _counters.CountDropped();
                continue;
            }
            DnsListenerMetrics.RecordAnswer(_counters, response.AsSpan(0, length), started);
            try
            {
                socket.SendTo(response.AsSpan(0, length), SocketFlags.None, remote);
            }
            catch (SocketException)
            {
                // The client went away; nothing to do for UDP.
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private int HandleSafely(IQueryHandler handler, ReadOnlySpan<byte> query, Span<byte> response, SocketAddress remote)
    {
        try
        {
            return handler.Handle(query, response, SocketOptions.AddressBytes(remote), overTcp: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in answering must cost one query, never the listener; it is counted and logged.
            _statistics.ReportFailure(_counters, e);
            return 0;
        }
    }

    public void Dispose()
    {
        _stopping = true;
        // The loops notice within one receive timeout; only then are their sockets closed under them.
        foreach (var thread in _threads) thread.Join(TimeSpan.FromSeconds(2));
        foreach (var socket in _sockets) socket.Dispose();
        _statistics.RemoveListener(_counters);
    }
}
