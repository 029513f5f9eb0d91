using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Meridian.Dns.Server.Answering;

namespace Meridian.Dns.Server.Listeners;

/// <summary>One worker's receive loop over recvmmsg/sendmmsg: wait for at least one datagram, take up
/// to <see cref="BatchSize"/> at once, answer them all, send all answers in one call. All buffers are
/// native and allocated once, so the loop allocates nothing.</summary>
internal sealed unsafe class BatchedUdpLoop : IDisposable
{
    public const int BatchSize = 32;
    private const int MaxQuery = 4096;

    private readonly Socket _socket;
    private readonly IQueryHandler _handler;
    private readonly ListenerStatistics _statistics;
    private readonly ListenerCounters _counters;
    private readonly int _maxResponse;
    private readonly byte* _memory;
    private readonly LinuxBatchSockets.MMsgHdr* _received;
    private readonly LinuxBatchSockets.MMsgHdr* _sending;
    private readonly LinuxBatchSockets.IoVec* _receiveVectors;
    private readonly LinuxBatchSockets.IoVec* _sendVectors;
    private readonly byte* _queries;
    private readonly byte* _responses;
    private readonly byte* _addresses;

    public BatchedUdpLoop(Socket socket, IQueryHandler handler, ListenerStatistics statistics, ListenerCounters counters, int maxResponse)
    {
        _socket = socket;
        _handler = handler;
        _statistics = statistics;
        _counters = counters;
        _maxResponse = maxResponse;
        nuint headers = (nuint)(BatchSize * sizeof(LinuxBatchSockets.MMsgHdr));
        nuint vectors = (nuint)(BatchSize * sizeof(LinuxBatchSockets.IoVec));
        nuint total = 2 * headers + 2 * vectors + (nuint)(BatchSize * (MaxQuery + maxResponse + LinuxBatchSockets.SockaddrStorageSize));
        _memory = (byte*)NativeMemory.AlignedAlloc(total, 64);
        NativeMemory.Clear(_memory, total);
        byte* p = _memory;
        _received = (LinuxBatchSockets.MMsgHdr*)p; p += headers;
        _sending = (LinuxBatchSockets.MMsgHdr*)p; p += headers;
        _receiveVectors = (LinuxBatchSockets.IoVec*)p; p += vectors;
        _sendVectors = (LinuxBatchSockets.IoVec*)p; p += vectors;
        _queries = p; p += BatchSize * MaxQuery;
        _responses = p; p += BatchSize * maxResponse;
        _addresses = p;
        for (int i = 0; i < BatchSize; i++)
        {
            _receiveVectors[i].Base = _queries + i * MaxQuery;
            _received[i].Header.Iov = &_receiveVectors[i];
            _received[i].Header.IovLength = 1;
            _received[i].Header.Name = _addresses + i * LinuxBatchSockets.SockaddrStorageSize;
            _sendVectors[i].Base = _responses + i * maxResponse;
            _sending[i].Header.Iov = &_sendVectors[i];
            _sending[i].Header.IovLength = 1;
        }
    }

    /// <summary>Runs until <paramref name="stopping"/> says so; the socket's receive timeout makes the
    /// loop look at it regularly even when no traffic comes.</summary>
    public void Run(Func<bool> stopping)
    {
        int fd = (int)_socket.Handle;
        while (!stopping())
        {
            for (int i = 0; i < BatchSize; i++)
            {
                _receiveVectors[i].Length = MaxQuery;
                _received[i].Header.NameLength = LinuxBatchSockets.SockaddrStorageSize;
                _received[i].Header.Flags = 0;
            }
            int count = LinuxBatchSockets.ReceiveMany(fd, _received, BatchSize, LinuxBatchSockets.MsgWaitForOne, null);
            if (count <= 0) continue; // timeout (EAGAIN), a signal, or an ICMP error for an earlier send

            // Counters are shared by every worker: one interlocked add per batch, not per query.
            _statistics.CountUdpQueries(count);
            // Latency runs from the batch's arrival to each answer being written.
            long received = Stopwatch.GetTimestamp();
            int answers = 0;
            for (int i = 0; i < count; i++)
            {
                ref var message = ref _received[i];
                // Larger than any query we take (MSG_TRUNC): not worth an answer.
                if ((message.Header.Flags & LinuxBatchSockets.MsgTrunc) != 0) continue;
                var query = new ReadOnlySpan<byte>(_queries + i * MaxQuery, (int)message.Length);
                var response = new Span<byte>(_responses + answers * _maxResponse, _maxResponse);
                int written = Answer(query, response, ClientAddress(message.Header.Name));
                if (written <= 0) continue;
                DnsListenerMetrics.RecordAnswer(_counters, response[..written], received);
                ref var reply = ref _sending[answers++];
                reply.Header.Name = message.Header.Name;
                reply.Header.NameLength = message.Header.NameLength;
                _sendVectors[answers - 1].Base = _responses + (answers - 1) * _maxResponse;
                _sendVectors[answers - 1].Length = (nuint)written;
            }
            if (answers < count)
            {
                _statistics.CountDropped(count - answers);
                _counters.CountDropped(count - answers);
            }
            SendAll(fd, answers);
        }
    }

    private int Answer(ReadOnlySpan<byte> query, Span<byte> response, ReadOnlySpan<byte> address)
    {
        try
        {
            return _handler.Handle(query, response, address, overTcp: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _statistics.ReportFailure(_counters, e);
            return 0; // a bug in answering costs one query, never the listener
        }
    }

    private void SendAll(int fd, int answers)
    {
        int sent = 0;
        while (sent < answers)
        {
            int n = LinuxBatchSockets.SendMany(fd, _sending + sent, (uint)(answers - sent), 0);
            if (n > 0)
            {
                sent += n;
                continue;
            }
            int errno = Marshal.GetLastPInvokeError();
            if (errno == LinuxBatchSockets.EIntr) continue;
            sent++; // this datagram cannot be sent (its client is unreachable): skip it, send the rest
        }
    }

    /// <summary>The address octets of a sockaddr_in / sockaddr_in6 (family in host order, Linux).</summary>
    private static ReadOnlySpan<byte> ClientAddress(byte* sockaddr)
    {
        ushort family = *(ushort*)sockaddr;
        return family switch
        {
            2 => new ReadOnlySpan<byte>(sockaddr + 4, 4),
            10 => new ReadOnlySpan<byte>(sockaddr + 8, 16),
            _ => default,
        };
    }

    public void Dispose() => NativeMemory.AlignedFree(_memory);
}
