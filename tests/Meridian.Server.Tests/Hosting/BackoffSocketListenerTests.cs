using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Meridian.Server.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Server.Tests.Hosting;

/// <summary>The HTTP transport's accept loop when accepts keep failing. A listening socket shut down for reading makes
/// every accept fail at once while it stays readable, as one out of descriptors does (EMFILE).</summary>
public sealed class BackoffSocketListenerTests
{
    [Fact]
    public async Task Failing_accepts_back_off_and_are_counted_and_logged_once()
    {
        var listening = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listening.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listening.Listen(16);
        var log = new CountingLogger();
        await using var listener = new BackoffSocketListener(listening,
            new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), NullLogger.Instance), noDelay: true, maxConnections: 10, log,
            TimeProvider.System);
        long failures = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "meridian.http.accept_failures") l.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, value));
        meters.Start();

        listening.Shutdown(SocketShutdown.Receive);
        // 1.5 s of failures: with waits of 5, 10, 20 … 640 ms that is about 8 attempts; Kestrel's own loop retries at once.
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var accepted = await listener.AcceptAsync(window.Token);

        Assert.Null(accepted);
        Assert.InRange(Interlocked.Read(ref failures), 3, 30);
        Assert.Equal(1, log.Warnings);
    }

    [Fact]
    public async Task Accepts_no_more_than_the_budget_until_a_connection_closes()
    {
        var listening = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listening.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listening.Listen(16);
        await using var listener = new BackoffSocketListener(listening,
            new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), NullLogger.Instance), noDelay: true, maxConnections: 2,
            NullLogger.Instance, TimeProvider.System);
        var clients = new List<Socket>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                clients.Add(client);
                await client.ConnectAsync(listener.EndPoint); // the kernel completes the handshake; the third waits in the backlog
            }
            var first = await listener.AcceptAsync();
            var second = await listener.AcceptAsync();
            var third = listener.AcceptAsync().AsTask();

            await Task.Delay(300);
            Assert.False(third.IsCompleted, "a third connection was accepted over a budget of two");
            await first!.DisposeAsync();
            var admitted = await third.WaitAsync(TimeSpan.FromSeconds(5));

            Assert.NotNull(admitted);
            await second!.DisposeAsync();
            await admitted.DisposeAsync();
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private sealed class CountingLogger : ILogger
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning) Interlocked.Increment(ref _warnings);
        }
    }
}
