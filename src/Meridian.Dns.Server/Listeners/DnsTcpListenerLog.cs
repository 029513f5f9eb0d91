using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Meridian.Dns.Server.Listeners;

/// <summary>The TCP listener's log lines, source-generated with fixed event ids.</summary>
internal static partial class DnsTcpListenerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "DNS TCP on {Endpoint} cannot accept connections ({Error}): {Failures} failed accept(s) since the last report; backing off up to 1 s between attempts, UDP and open connections are still served")]
    public static partial void AcceptFailing(ILogger logger, IPEndPoint endpoint, SocketError error, long failures);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "DNS TCP on {Endpoint} accepts connections again after {Failures} failed accept(s)")]
    public static partial void AcceptRecovered(ILogger logger, IPEndPoint endpoint, int failures);
}
