using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Meridian.Dns.Server.Listeners;

namespace Meridian.Benchmarks;

/// <summary>What metrics cost each DNS answer: counting it by question type and rcode in the listener's arrays and
/// recording its latency in the histogram, with a listener enabled on the meter as the Prometheus exporter is. Both
/// must allocate nothing (the hot path's rule); the MemoryDiagnoser column shows it.</summary>
[MemoryDiagnoser]
public class ListenerCountingBenchmarks : IDisposable
{
    // A NOERROR response to "www.example.com. A": header, question, one answer.
    private static readonly byte[] s_response =
    [
        0x12, 0x34, 0x84, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
        3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'c', (byte)'o', (byte)'m', 0,
        0x00, 0x01, 0x00, 0x01,
        0xC0, 0x0C, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0E, 0x10, 0x00, 0x04, 192, 0, 2, 1,
    ];

    private readonly ListenerCounters _counters = new ListenerStatistics().AddListener("udp", "127.0.0.1:5300");
    private MeterListener _listener = null!;
    private double _sink;

    [GlobalSetup]
    public void Setup()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DnsListenerMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _sink += value);
        _listener.Start();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _listener.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public void CountAnswer() => _counters.CountAnswer(s_response);

    [Benchmark]
    public void CountAndRecordLatency() => DnsListenerMetrics.RecordAnswer(_counters, s_response, Stopwatch.GetTimestamp());
}
