using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Listeners;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;
using Microsoft.Extensions.Logging;

namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>A TCP listener whose accepts keep failing. A listening socket shut down for reading makes every accept fail
/// at once (EINVAL) while it stays readable, as one out of descriptors does (EMFILE), without starving the test process
/// of descriptors.</summary>
public sealed class AcceptFailureTests
{
    [Fact]
    public async Task Failing_accepts_back_off_log_one_line_and_open_connections_are_still_answered()
    {
        var zones = new ZoneSet();
        zones.Publish(TestZones.ListenerExample());
        var listening = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listening.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listening.Listen(16);
        var statistics = new ListenerStatistics();
        var log = new CapturedLog();
        using var listener = new DnsTcpListener(listening, () => new QueryProcessor(zones, 1232), statistics,
            new TcpLimits(TimeSpan.FromSeconds(60), 10, 10), log, TimeProvider.System);
        listener.Start();
        using var open = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await open.ConnectAsync(listener.LocalEndPoint);
        Assert.Equal(DnsRcode.NoError, await TcpQuestion.AskAsync(open, "www.example."));

        listening.Shutdown(SocketShutdown.Receive);
        // 1.5 s of failures: with waits of 5, 10, 20 … 640 ms that is about 8 attempts; a loop retrying at once makes
        // hundreds of thousands.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        long failures = statistics.AcceptFailures;
        Assert.InRange(failures, 3, 30);
        Assert.True(listener.IsAccepting);
        var warning = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(2001, warning.Event.Id);
        Assert.Equal(DnsRcode.NoError, await TcpQuestion.AskAsync(open, "www.example."));
    }
}
