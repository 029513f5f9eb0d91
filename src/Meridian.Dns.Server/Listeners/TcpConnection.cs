using System.Diagnostics;
using System.Net.Sockets;

namespace Meridian.Dns.Server.Listeners;

/// <summary>One accepted DNS-over-TCP connection: its socket, the source it counts against, and since when it
/// has been idle (accepted, or its last answer sent), which decides who is closed first when the listener is
/// full (RFC 7766 §6.2.3).</summary>
internal sealed class TcpConnection(Socket socket, TcpSource source)
{
    private long _idleSince = Stopwatch.GetTimestamp();

    public Socket Socket { get; } = socket;

    public TcpSource Source { get; } = source;

    /// <summary>A <see cref="Stopwatch"/> timestamp: when the connection last became idle.</summary>
    public long IdleSince => Volatile.Read(ref _idleSince);

    /// <summary>Called after each answer is sent: a connection that was just used is the last to be closed.</summary>
    public void MarkIdle() => Volatile.Write(ref _idleSince, Stopwatch.GetTimestamp());

    /// <summary>Closes the socket under the connection's loop, whose pending read then ends; the loop cleans up.</summary>
    public void Close() => Socket.Dispose();
}
