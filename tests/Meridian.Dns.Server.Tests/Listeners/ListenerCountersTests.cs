using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Listeners;

namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>What each listener counts for the metrics: answers by question type and rcode read from the response, TC
/// bits, packets dropped, and handler failures (counted, and logged at most once per interval).</summary>
public sealed class ListenerCountersTests
{
    private static byte[] Response(ushort qdcount, byte flags2, byte rcode, string name, ushort type)
    {
        var bytes = new List<byte> { 0x12, 0x34, flags2, rcode, 0, (byte)qdcount, 0, 0, 0, 0, 0, 0 };
        if (qdcount > 0)
        {
            foreach (string label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                bytes.Add((byte)label.Length);
                bytes.AddRange(label.Select(c => (byte)c));
            }
            bytes.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        }
        return [.. bytes];
    }

    private static int Slot(string type) => type switch
    {
        "other" => ListenerCounters.OtherType,
        "none" => ListenerCounters.OtherType + 1,
        _ => Array.IndexOf(ListenerCounters.CountedTypes, Enum.Parse<Meridian.Dns.Records.DnsType>(type)),
    };

    [Fact]
    public void Answers_are_counted_by_question_type_and_rcode_and_TC_is_seen()
    {
        var counters = new ListenerStatistics().AddListener("udp", "127.0.0.1:53");
        counters.CountAnswer(Response(1, 0x84, 0, "www.example.com.", 1));          // A, NOERROR
        counters.CountAnswer(Response(1, 0x84, 3, "nope.example.com.", 28));        // AAAA, NXDOMAIN
        counters.CountAnswer(Response(1, 0x86, 0, "big.example.com.", 16));         // TXT, NOERROR, TC
        counters.CountAnswer(Response(1, 0x80, 5, "example.org.", 99));             // SPF: "other", REFUSED
        counters.CountAnswer(Response(0, 0x80, 1, "", 0));                          // no question: FORMERR
        counters.CountAnswer([0x12, 0x34]);                                          // shorter than a header: not counted

        Assert.Equal(1, counters.Queries(Slot("A"), 0));
        Assert.Equal(1, counters.Queries(Slot("AAAA"), 3));
        Assert.Equal(1, counters.Queries(Slot("TXT"), 0));
        Assert.Equal(1, counters.Queries(Slot("other"), 5));
        Assert.Equal(1, counters.Queries(Slot("none"), 1));
        Assert.Equal(1, counters.Truncated);
        Assert.Equal("none", ListenerCounters.TypeName(Slot("none")));
        long total = 0;
        for (int t = 0; t < ListenerCounters.TypeSlots; t++)
        {
            for (int r = 0; r < ListenerCounters.RcodeSlots; r++) total += counters.Queries(t, r);
        }
        Assert.Equal(5, total);
    }

    private sealed class ThrowingHandler : IQueryHandler
    {
        public int Handle(ReadOnlySpan<byte> query, Span<byte> response, ReadOnlySpan<byte> clientAddress, bool overTcp) =>
            throw new InvalidOperationException("answering broke");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_handler_that_throws_is_counted_and_logged_once_per_interval_and_the_listener_goes_on(bool batched)
    {
        var log = new CapturedLog();
        var statistics = new ListenerStatistics(log);
        using var listener = new UdpListener(new IPEndPoint(IPAddress.Loopback, 0), 1, 1232, batched, () => new ThrowingHandler(), statistics);
        listener.Start();
        using var client = new UdpClient();
        var counters = Assert.Single(statistics.Listeners);
        for (int i = 0; i < 3; i++) await client.SendAsync(Response(1, 0x00, 0, "www.example.com.", 1), listener.LocalEndPoint);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (counters.Failures < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(3, counters.Failures);
        Assert.Equal(3, counters.Dropped);
        Assert.True(listener.IsReceiving);
        var entry = Assert.Single(log.Entries);   // three failures, one line: the rest wait for the next interval
        Assert.Equal(2003, entry.Event.Id);
        Assert.Contains("InvalidOperationException: answering broke", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", entry.Message, StringComparison.Ordinal);
    }
}
