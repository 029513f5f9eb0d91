using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Server.Answering;

namespace Meridian.Dns.Server.Listeners;

/// <summary>DNS over TCP (RFC 7766): two-octet length prefixes, any number of queries per connection
/// (pipelined queries are read and answered as they come), an idle timeout, and a cap on concurrent
/// connections beyond which new ones are closed at once.</summary>
internal sealed class DnsTcpListener : IDisposable
{
    private readonly Socket _socket;
    private readonly Func<IQueryHandler> _createHandler;
    private readonly ConcurrentBag<IQueryHandler> _handlers = [];
    private readonly ListenerStatistics _statistics;
    private readonly TimeSpan _idleTimeout;
    private readonly int _maxConnections;
    private readonly CancellationTokenSource _stopping = new();
    private int _openConnections;
    private Task? _acceptLoop;

    public DnsTcpListener(IPEndPoint endpoint, Func<IQueryHandler> createHandler, ListenerStatistics statistics, TimeSpan idleTimeout, int maxConnections)
    {
        _createHandler = createHandler;
        _statistics = statistics;
        _idleTimeout = idleTimeout;
        _maxConnections = maxConnections;
        _socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6) _socket.DualMode = false;
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _socket.NoDelay = true;
        _socket.Bind(endpoint);
        _socket.Listen(512);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public int OpenConnections => Volatile.Read(ref _openConnections);

    public void Start() => _acceptLoop = Task.Run(AcceptLoopAsync);

    private async Task AcceptLoopAsync()
    {
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
            catch (SocketException)
            {
                continue; // a connection that died before it was accepted
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            if (Interlocked.Increment(ref _openConnections) > _maxConnections)
            {
                Interlocked.Decrement(ref _openConnections);
                _statistics.CountTcpRejected();
                client.Dispose();
                continue;
            }
            _statistics.CountTcpConnection();
            _ = Task.Run(() => ServeConnectionAsync(client));
        }
    }

    private async Task ServeConnectionAsync(Socket client)
    {
        client.NoDelay = true;
        var handler = _handlers.TryTake(out var pooled) ? pooled : _createHandler();
        var query = ArrayPool<byte>.Shared.Rent(65535 + 2);
        var response = ArrayPool<byte>.Shared.Rent(65535 + 2);
        try
        {
            var remote = client.RemoteEndPoint as IPEndPoint;
            byte[] address = remote?.Address.IsIPv4MappedToIPv6 == true ? remote.Address.MapToIPv4().GetAddressBytes() : remote?.Address.GetAddressBytes() ?? [];
            while (!_stopping.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                idle.CancelAfter(_idleTimeout);
                if (!await ReadExactlyAsync(client, query.AsMemory(0, 2), idle.Token)) return;
                int length = BinaryPrimitives.ReadUInt16BigEndian(query);
                if (length == 0 || !await ReadExactlyAsync(client, query.AsMemory(0, length), idle.Token)) return;
                _statistics.CountTcpQuery();
                int written = Handle(handler, query.AsSpan(0, length), response.AsSpan(2, 65535), address);
                if (written <= 0)
                {
                    _statistics.CountDropped();
                    return; // a query we will not answer: close, as RFC 7766 §6.2.4 allows
                }
                BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)written);
                await client.SendAsync(response.AsMemory(0, written + 2), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client left, was idle too long, or we are stopping: the connection just ends.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(query);
            ArrayPool<byte>.Shared.Return(response);
            _handlers.Add(handler);
            client.Dispose();
            Interlocked.Decrement(ref _openConnections);
        }
    }

    private static int Handle(IQueryHandler handler, ReadOnlySpan<byte> query, Span<byte> response, ReadOnlySpan<byte> address)
    {
        try
        {
            return handler.Handle(query, response, address, overTcp: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
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
