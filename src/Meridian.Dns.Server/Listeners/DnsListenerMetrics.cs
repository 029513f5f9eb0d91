using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Meridian.Dns.Server.Listeners;

/// <summary>The DNS servers' instruments (meter <c>Meridian.Dns.Server</c>), for whatever exports metrics. The hot path
/// counts into each listener's <see cref="ListenerCounters"/>; the observable instruments here read them when metrics
/// are collected, from every running server. Only the latency histogram is recorded per answer, with tag values made
/// once per listener (no allocation).</summary>
internal static class DnsListenerMetrics
{
    public const string MeterName = "Meridian.Dns.Server";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Lock s_serversLock = new();
    private static DnsServerCounters[] s_servers = [];

    public static readonly Counter<long> AcceptFailures = s_meter.CreateCounter<long>("meridian.dns.tcp.accept_failures",
        description: "TCP accepts that failed (EMFILE, ENFILE, ENOBUFS, …); each is followed by a back-off");

    public static readonly Counter<long> ConnectionsRefused = s_meter.CreateCounter<long>("meridian.dns.tcp.connections_refused",
        description: "TCP connections closed at once because their source held Dns:MaxTcpConnectionsPerSource already");

    public static readonly Counter<long> ConnectionsEvicted = s_meter.CreateCounter<long>("meridian.dns.tcp.connections_evicted",
        description: "idle TCP connections closed to admit a new one when Dns:MaxTcpConnections was reached");

    /// <summary>From a query's arrival to its answer being written (sending excluded), in seconds.</summary>
    public static readonly Histogram<double> AnswerDuration = s_meter.CreateHistogram("meridian.dns.answer.duration", unit: "s",
        description: "time from a query's arrival to its answer being written, by transport and listener",
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.1],
        });

    static DnsListenerMetrics()
    {
        s_meter.CreateObservableCounter("meridian.dns.queries", ObserveQueries, unit: "{query}",
            description: "queries answered, by question type, response code, transport and listener");
        s_meter.CreateObservableCounter("meridian.dns.truncated", () => ObservePerListener(c => c.Truncated), unit: "{response}",
            description: "answers sent with TC set (too large for the client's UDP size)");
        s_meter.CreateObservableCounter("meridian.dns.dropped", () => ObservePerListener(c => c.Dropped), unit: "{packet}",
            description: "packets answered with nothing: malformed beyond a FORMERR, a response, or a handler failure");
        s_meter.CreateObservableCounter("meridian.dns.handler_failures", () => ObservePerListener(c => c.Failures), unit: "{query}",
            description: "queries whose answering threw (logged at most once per 10 s); each cost that query");
        s_meter.CreateObservableGauge("meridian.dns.zones", () => ObservePerServer(s => s.Zones()), unit: "{zone}",
            description: "zones served");
        s_meter.CreateObservableGauge("meridian.dns.records", () => ObservePerServer(s => s.Records()), unit: "{record}",
            description: "records in the zones served");
    }

    /// <summary>Counts one answer and records its latency. Allocation-free.</summary>
    public static void RecordAnswer(ListenerCounters counters, ReadOnlySpan<byte> response, long startedTimestamp)
    {
        counters.CountAnswer(response);
        if (AnswerDuration.Enabled) AnswerDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, counters.LatencyTags);
    }

    /// <summary>Makes a running server's counters visible to the observable instruments.</summary>
    public static void Register(DnsServerCounters server)
    {
        lock (s_serversLock) s_servers = [.. s_servers, server];
    }

    public static void Unregister(DnsServerCounters server)
    {
        lock (s_serversLock) s_servers = [.. s_servers.Where(s => !ReferenceEquals(s, server))];
    }

    private static IEnumerable<Measurement<long>> ObserveQueries()
    {
        foreach (var server in Volatile.Read(ref s_servers))
        {
            foreach (var listener in server.Statistics.Listeners)
            {
                for (int type = 0; type < ListenerCounters.TypeSlots; type++)
                {
                    for (int rcode = 0; rcode < ListenerCounters.RcodeSlots; rcode++)
                    {
                        long count = listener.Queries(type, rcode);
                        if (count == 0) continue;
                        yield return new Measurement<long>(count, new KeyValuePair<string, object?>("type", ListenerCounters.TypeName(type)),
                            new KeyValuePair<string, object?>("rcode", RcodeName(rcode)), new KeyValuePair<string, object?>("transport", listener.Transport),
                            new KeyValuePair<string, object?>("listener", listener.Listener));
                    }
                }
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObservePerListener(Func<ListenerCounters, long> read)
    {
        foreach (var server in Volatile.Read(ref s_servers))
        {
            foreach (var listener in server.Statistics.Listeners)
            {
                yield return new Measurement<long>(read(listener), new KeyValuePair<string, object?>("transport", listener.Transport),
                    new KeyValuePair<string, object?>("listener", listener.Listener));
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObservePerServer(Func<DnsServerCounters, long> read)
    {
        foreach (var server in Volatile.Read(ref s_servers))
        {
            yield return new Measurement<long>(read(server), new KeyValuePair<string, object?>("server", server.Name));
        }
    }

    private static string RcodeName(int rcode) => rcode switch
    {
        0 => "NOERROR", 1 => "FORMERR", 2 => "SERVFAIL", 3 => "NXDOMAIN", 4 => "NOTIMP", 5 => "REFUSED",
        6 => "YXDOMAIN", 7 => "YXRRSET", 8 => "NXRRSET", 9 => "NOTAUTH", 10 => "NOTZONE",
        _ => "RCODE" + rcode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What the metrics read of one running DNS server: its listeners' counters and the size of what it serves.</summary>
internal sealed record DnsServerCounters(string Name, ListenerStatistics Statistics, Func<long> Zones, Func<long> Records);
