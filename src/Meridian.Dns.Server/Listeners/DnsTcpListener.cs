using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Server.Answering;
using Microsoft.Extensions.Logging;

namespace Meridian.Dns.Server.Listeners;

/// <summary>DNS over TCP (RFC 7766): two-octet length prefixes, any number of queries per connection
/// (pipelined queries are read and answered as they come), an idle timeout, a cap per source beyond which new
/// connections are closed at once, and a cap in all at which the longest-idle connection is closed to admit a
/// new one (<see cref="TcpConnectionTable"/>). A failing accept backs off instead of retrying at once
/// (<see cref="AcceptBackoff"/>).</summary>
internal sealed class DnsTcpListener : IDisposable
{
    private readonly Socket _socket;
    private readonly Func<IQueryHandler> _createHandler;
    private readonly ConcurrentBag<IQueryHandler> _handlers = [];
    private readonly ListenerStatistics _statistics;
    private readonly ListenerCounters _counters;
    private readonly TimeSpan _idleTimeout;
    private readonly TcpConnectionTable _connections;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Transfer.ZoneTransferServer? _transfers;
    private readonly Update.DnsUpdateServer? _updates;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _acceptLoop;

    public DnsTcpListener(IPEndPoint endpoint, Func<IQueryHandler> createHandler, ListenerStatistics statistics, TcpLimits limits, ILogger logger,
        Transfer.ZoneTransferServer? transfers = null, Update.DnsUpdateServer? updates = null)
        : this(Listen(endpoint), createHandler, statistics, limits, logger, TimeProvider.System, transfers, updates)
    {
    }

    /// <summary>Serves on a socket that is bound and listening already; the listener owns it from here on.</summary>
    internal DnsTcpListener(Socket listening, Func<IQueryHandler> createHandler, ListenerStatistics statistics, TcpLimits limits, ILogger logger,
        TimeProvider time, Transfer.ZoneTransferServer? transfers = null, Update.DnsUpdateServer? updates = null)
    {
        _transfers = transfers;
        _updates = updates;
        _socket = listening;
        _createHandler = createHandler;
        _statistics = statistics;
        _idleTimeout = limits.IdleTimeout;
        _connections = new TcpConnectionTable(limits.MaxConnections, limits.MaxConnectionsPerSource);
        _logger = logger;
        _time = time;
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _counters = statistics.AddListener("tcp", LocalEndPoint.ToString());
    }

    private static Socket Listen(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = false;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.NoDelay = true;
            socket.Bind(endpoint);
            socket.Listen(512);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public IPEndPoint LocalEndPoint { get; }

    public int OpenConnections => _connections.Count;

    /// <summary>False once the accept loop has ended for any reason other than <see cref="Dispose"/>.</summary>
    public bool IsAccepting => _acceptLoop is { IsCompleted: false };

    public void Start() => _acceptLoop = Task.Run(AcceptLoopAsync);

    private async Task AcceptLoopAsync()
    {
        var backoff = new AcceptBackoff(_time);
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // Out of descriptors or buffers, or a connection that died in the backlog: the listening socket
                // stays readable, so retrying at once would spin a core until the cause goes away.
                if (!await BackOffAsync(backoff, e.SocketErrorCode)) return;
                continue;
            }
            int recovered = backoff.Succeeded();
            if (recovered > 0) DnsTcpListenerLog.AcceptRecovered(_logger, LocalEndPoint, recovered);
            Admit(client);
        }
    }

    private async Task<bool> BackOffAsync(AcceptBackoff backoff, SocketError error)
    {
        _statistics.CountAcceptFailure(error);
        var delay = backoff.Failed(out long toReport);
        if (toReport > 0) DnsTcpListenerLog.AcceptFailing(_logger, LocalEndPoint, error, toReport);
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Admit(Socket client)
    {
        var connection = new TcpConnection(client, SourceOf(client));
        if (!_connections.TryAdmit(connection, out var evicted))
        {
            _statistics.CountTcpRejected();
            client.Dispose();
            return;
        }
        if (evicted is not null)
        {
            _statistics.CountTcpEvicted();
            evicted.Close();
        }
        _statistics.CountTcpConnection();
        _ = Task.Run(() => ServeConnectionAsync(connection));
    }

    private static TcpSource SourceOf(Socket client)
    {
        try
        {
            return client.RemoteEndPoint is IPEndPoint remote ? TcpSource.Of(remote.Address) : default;
        }
        catch (SocketException)
        {
            return default; // reset before we looked: it counts against the unknown source and ends at the first read
        }
    }

    private async Task ServeConnectionAsync(TcpConnection connection)
    {
        var client = connection.Socket;
        var handler = _handlers.TryTake(out var pooled) ? pooled : _createHandler();
        var query = ArrayPool<byte>.Shared.Rent(65535 + 2);
        var response = ArrayPool<byte>.Shared.Rent(65535 + 2);
        try
        {
            client.NoDelay = true;
            var remote = client.RemoteEndPoint as IPEndPoint;
            var remoteAddress = remote?.Address.IsIPv4MappedToIPv6 == true ? remote.Address.MapToIPv4() : remote?.Address;
            byte[] address = remoteAddress?.GetAddressBytes() ?? [];
            while (!_stopping.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                idle.CancelAfter(_idleTimeout);
                if (!await ReadExactlyAsync(client, query.AsMemory(0, 2), idle.Token)) return;
                int length = BinaryPrimitives.ReadUInt16BigEndian(query);
                if (length == 0 || !await ReadExactlyAsync(client, query.AsMemory(0, length), idle.Token)) return;
                _statistics.CountTcpQuery();
                if (_transfers is not null && remoteAddress is not null && Transfer.ZoneTransferServer.IsTransferQuery(query.AsSpan(0, length)))
                {
                    // AXFR and IXFR answer with a stream of messages; the connection is busy, not idle, meanwhile.
                    if (!await _transfers.ServeAsync(query.AsMemory(0, length), remoteAddress, client, response, _stopping.Token)) return;
                    connection.MarkIdle();
                    continue;
                }
                long started = Stopwatch.GetTimestamp();
                // UPDATE waits for the database: it is answered here, asynchronously, not by the query handler.
                int written = _updates is not null && Update.DnsUpdateServer.IsUpdate(query.AsSpan(0, length))
                    ? await _updates.HandleAsync(query.AsMemory(0, length), response.AsMemory(2, 65535), _stopping.Token)
                    : Handle(handler, query.AsSpan(0, length), response.AsSpan(2, 65535), address);
                if (written <= 0)
                {
                    _statistics.CountDropped();
                    _counters.CountDropped();
                    return; // a query we will not answer: close, as RFC 7766 §6.2.4 allows
                }
                DnsListenerMetrics.RecordAnswer(_counters, response.AsSpan(2, written), started);
                BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)written);
                await client.SendAsync(response.AsMemory(0, written + 2), SocketFlags.None, _stopping.Token);
                connection.MarkIdle();
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client left, was idle too long, was closed to admit another, or we are stopping: it just ends.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(query);
            ArrayPool<byte>.Shared.Return(response);
            _handlers.Add(handler);
            _connections.Release(connection);
            client.Dispose();
        }
    }

    private int Handle(IQueryHandler handler, ReadOnlySpan<byte> query, Span<byte> response, ReadOnlySpan<byte> address)
    {
        try
        {
            return handler.Handle(query, response, address, overTcp: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _statistics.ReportFailure(_counters, e);
            return 0; // a bug in answering costs this connection, never the listener
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancel)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancel);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _socket.Dispose();
        try
        {
            _acceptLoop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing to report.
        }
        _stopping.Dispose();
    }
}
