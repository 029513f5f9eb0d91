using System.Buffers.Binary;
using System.Diagnostics;
using Meridian.Dns.Records;

namespace Meridian.Dns.Server.Listeners;

/// <summary>What one listener (an address and a transport) answered, counted into arrays made once: queries by question
/// type and response code, truncated answers, dropped packets and handler failures. Counting reads the response's
/// header and question (which this server wrote) and never allocates; <see cref="DnsListenerMetrics"/> exports the
/// counts when metrics are collected.</summary>
internal sealed class ListenerCounters
{
    /// <summary>The question types counted apart; every other type is counted as "other".</summary>
    public static readonly DnsType[] CountedTypes =
    [
        DnsType.A, DnsType.AAAA, DnsType.CNAME, DnsType.MX, DnsType.TXT, DnsType.NS, DnsType.SOA, DnsType.PTR, DnsType.SRV,
        DnsType.CAA, DnsType.HTTPS, DnsType.SVCB, DnsType.NAPTR, DnsType.DS, DnsType.DNSKEY, DnsType.ANY, DnsType.AXFR, DnsType.IXFR,
    ];

    /// <summary>Index of "other" (a type not in <see cref="CountedTypes"/>); the one after it is "none" (no question).</summary>
    public static readonly int OtherType = CountedTypes.Length;

    public static readonly int TypeSlots = CountedTypes.Length + 2;

    public const int RcodeSlots = 16;

    private readonly long[] _queries = new long[TypeSlots * RcodeSlots];
    private long _truncated;
    private long _dropped;
    private long _failures;

    public ListenerCounters(string transport, string listener)
    {
        Transport = transport;
        Listener = listener;
        // Tag values made once, so recording a latency boxes nothing.
        LatencyTags = new TagList { { "transport", transport }, { "listener", listener } };
    }

    /// <summary>"udp" or "tcp".</summary>
    public string Transport { get; }

    /// <summary>The listening address, ADDRESS:PORT.</summary>
    public string Listener { get; }

    public TagList LatencyTags { get; }

    public long Truncated => Interlocked.Read(ref _truncated);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queries whose handling threw (a bug): each cost one query, never the listener.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Queries answered with <paramref name="rcode"/> to a question of the type at <paramref name="typeSlot"/>.</summary>
    public long Queries(int typeSlot, int rcode) => Interlocked.Read(ref _queries[typeSlot * RcodeSlots + rcode]);

    /// <summary>The name of a type slot: the type's mnemonic, "other" or "none".</summary>
    public static string TypeName(int slot) => slot < CountedTypes.Length ? CountedTypes[slot].ToString() : slot == OtherType ? "other" : "none";

    /// <summary>Counts an answer from the response this server wrote (its rcode, TC bit and question type).</summary>
    public void CountAnswer(ReadOnlySpan<byte> response)
    {
        if (response.Length < 12) return;
        int rcode = response[3] & 0x0F;
        if ((response[2] & 0x02) != 0) Interlocked.Increment(ref _truncated);
        Interlocked.Increment(ref _queries[TypeSlotOf(response) * RcodeSlots + rcode]);
    }

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    public void CountDropped(int count) => Interlocked.Add(ref _dropped, count);

    public void CountFailure() => Interlocked.Increment(ref _failures);

    /// <summary>The slot of the response's question type: the name is written uncompressed right after the header.</summary>
    private static int TypeSlotOf(ReadOnlySpan<byte> response)
    {
        if (BinaryPrimitives.ReadUInt16BigEndian(response[4..]) == 0) return OtherType + 1;
        int offset = 12;
        while (offset < response.Length)
        {
            int length = response[offset];
            if (length == 0 || length > 63) break;   // the root label ends the name; a pointer would not be ours
            offset += length + 1;
        }
        if (offset + 3 > response.Length || response[offset] != 0) return OtherType;
        var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(response[(offset + 1)..]);
        int index = Array.IndexOf(CountedTypes, type);
        return index >= 0 ? index : OtherType;
    }
}
