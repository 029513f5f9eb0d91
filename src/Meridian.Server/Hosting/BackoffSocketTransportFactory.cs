using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Hosting;

/// <summary>Kestrel's socket transport for IP endpoints, with an accept loop that keeps to the HTTP connection budget
/// and backs off when accepts fail. Kestrel's own listener accepts whatever comes (closing what is over its limit
/// afterwards) and retries a failed accept at once, so out of descriptors (EMFILE) it spins a core; this one stops
/// accepting at the budget (<see cref="HttpConnectionBudget"/>) and waits after a failure
/// (<see cref="Meridian.Dns.Server.Listeners.AcceptBackoff"/>), logging once per interval. Connections are still made
/// by Kestrel's <see cref="SocketConnectionContextFactory"/>, with the transport's options.</summary>
internal sealed class BackoffSocketTransportFactory(IOptions<SocketTransportOptions> options, IOptions<HttpLimitsOptions> http, ILoggerFactory loggers,
    TimeProvider time) : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public bool CanBind(EndPoint endpoint) => endpoint is IPEndPoint;

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var transport = options.Value;
        var socket = transport.CreateBoundListenSocket(endpoint);
        try
        {
            socket.Listen(transport.Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var contexts = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions
        {
            IOQueueCount = transport.IOQueueCount,
            WaitForDataBeforeAllocatingBuffer = transport.WaitForDataBeforeAllocatingBuffer,
            MaxReadBufferSize = transport.MaxReadBufferSize,
            MaxWriteBufferSize = transport.MaxWriteBufferSize,
            UnsafePreferInlineScheduling = transport.UnsafePreferInlineScheduling,
        }, loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets"));
        // Read when Kestrel binds, after the configuration was validated (the factory itself is made with the server).
        int maxConnections = http.Value.MaxConnections + http.Value.MaxUpgradedConnections;
        return new(new BackoffSocketListener(socket, contexts, transport.NoDelay, maxConnections, loggers.CreateLogger<BackoffSocketListener>(), time));
    }
}
