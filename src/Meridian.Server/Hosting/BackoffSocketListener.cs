using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Server.Listeners;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Meridian.Server.Hosting;

/// <summary>One bound HTTP listening socket (see <see cref="BackoffSocketTransportFactory"/>): it accepts only while
/// the connection budget has room (<see cref="HttpConnectionBudget"/>) and backs off when an accept fails. Kestrel calls
/// <see cref="AcceptAsync"/> from one loop per endpoint, so that state needs no lock.</summary>
internal sealed partial class BackoffSocketListener(Socket socket, SocketConnectionContextFactory contexts, bool noDelay, int maxConnections,
    ILogger logger, TimeProvider time) : IConnectionListener
{
    private static readonly Meter s_meter = new("Meridian.Server");
    private static readonly Counter<long> s_acceptFailures = s_meter.CreateCounter<long>("meridian.http.accept_failures",
        description: "HTTP accepts that failed (EMFILE, ENFILE, ENOBUFS, …); each is followed by a back-off");

    private readonly AcceptBackoff _backoff = new(time);
    private readonly HttpConnectionBudget _budget = new(maxConnections, time);
    private readonly CancellationTokenSource _unbinding = new();

    public EndPoint EndPoint { get; } = socket.LocalEndPoint!;

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _unbinding.Token);
        while (true)
        {
            if (!await _budget.WaitForRoomAsync(stop.Token)) return null;
            Socket accepted;
            try
            {
                accepted = await socket.AcceptAsync(cancellationToken);
            }
            catch (ObjectDisposedException)
            {
                return null; // unbound: Kestrel stops asking
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.OperationAborted)
            {
                return null;
            }
            catch (SocketException e)
            {
                if (!await BackOffAsync(e.SocketErrorCode, stop.Token)) return null;
                continue;
            }
            int recovered = _backoff.Succeeded();
            if (recovered > 0) LogAcceptRecovered(logger, EndPoint, recovered);
            if (!TryPrepare(accepted)) continue;
            var connection = contexts.Create(accepted);
            _budget.Add(connection);
            return connection;
        }
    }

    private async Task<bool> BackOffAsync(SocketError error, CancellationToken stop)
    {
        s_acceptFailures.Add(1, new TagList { { "error.type", error.ToString() } });
        var delay = _backoff.Failed(out long toReport);
        if (toReport > 0) LogAcceptFailing(logger, EndPoint, error, toReport);
        try
        {
            await Task.Delay(delay, time, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>False when the connection was reset before it could be set up; it is dropped and the loop goes on.</summary>
    private bool TryPrepare(Socket accepted)
    {
        try
        {
            accepted.NoDelay = noDelay;
            return true;
        }
        catch (SocketException)
        {
            accepted.Dispose();
            return false;
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        _unbinding.Cancel();
        socket.Dispose();
        return default;
    }

    public ValueTask DisposeAsync()
    {
        _unbinding.Cancel();
        socket.Dispose();
        contexts.Dispose();
        _unbinding.Dispose();
        return default;
    }

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "HTTP on {Endpoint} cannot accept connections ({Error}): {Failures} failed accept(s) since the last report; backing off up to 1 s between attempts, open connections are still served")]
    private static partial void LogAcceptFailing(ILogger logger, EndPoint endpoint, SocketError error, long failures);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "HTTP on {Endpoint} accepts connections again after {Failures} failed accept(s)")]
    private static partial void LogAcceptRecovered(ILogger logger, EndPoint endpoint, int failures);
}
