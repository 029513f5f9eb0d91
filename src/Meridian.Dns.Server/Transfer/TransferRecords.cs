using System.Buffers.Binary;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Transfer;

/// <summary>The records of one transfer answer in the order they go out, written one at a time so a multi-message
/// answer can stop at a message's end and go on in the next.</summary>
internal abstract class TransferRecords
{
    /// <summary>Moves to the next record; false at the end.</summary>
    public abstract bool MoveNext();

    /// <summary>Writes the current record into the answer section; false when it does not fit.</summary>
    public abstract bool TryWriteCurrent(ref DnsMessageWriter writer);

    /// <summary>The apex SOA with another serial (the versions IXFR names); the rest of the RDATA as served.</summary>
    public static byte[] SoaWithSerial(ReadOnlySpan<byte> soa, uint serial)
    {
        var copy = soa.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(copy.Length - 20), serial);
        return copy;
    }
}

/// <summary>A whole zone from its snapshot (AXFR, RFC 5936 §2.2): the SOA, every other record set, the SOA again.
/// A geo-targeted set goes out as a client of unknown location is answered: its global records, or all of them
/// when it has none (a secondary cannot choose by location).</summary>
internal sealed class SnapshotRecords(ZoneSnapshot zone) : TransferRecords
{
    private readonly IEnumerator<int> _nodes = zone.LiveNodes().GetEnumerator();
    private readonly List<int> _records = [];
    private int _stage;          // 0 before the first SOA, 1 the first SOA, 2 the zone's records, 3 the last SOA, 4 done
    private int _node = -1;
    private int _rrset;          // the current node's set being sent
    private int _rrsetEnd;
    private int _record;         // index into _records

    public int RecordsSent { get; private set; }

    public override bool MoveNext()
    {
        switch (_stage)
        {
            case 0:
                _stage = 1;
                return true;
            case 1:
                _stage = 2;
                goto case 2;
            case 2:
                if (NextRecord()) return true;
                _stage = 3;
                return true;
            default:
                _stage = 4;
                return false;
        }
    }

    private bool NextRecord()
    {
        if (++_record < _records.Count) return true;
        while (true)
        {
            _rrset++;
            while (_node < 0 || _rrset >= _rrsetEnd)
            {
                if (!_nodes.MoveNext()) return false;
                _node = _nodes.Current;
                ref readonly var node = ref zone.Node(_node);
                _rrset = node.FirstRRset;
                _rrsetEnd = node.FirstRRset + node.RRsetCount;
            }
            if (_rrset == zone.SoaRRset) continue;
            SelectRecords(_rrset);
            _record = 0;
            if (_records.Count > 0) return true;
        }
    }

    private void SelectRecords(int rrset)
    {
        _records.Clear();
        ref readonly var set = ref zone.RRset(rrset);
        if (set.Targeted)
        {
            for (int i = set.FirstRdata; i < set.FirstRdata + set.RdataCount; i++)
                if (zone.RecordTargets(i).IsGlobal) _records.Add(i);
            if (_records.Count > 0) return;
        }
        for (int i = set.FirstRdata; i < set.FirstRdata + set.RdataCount; i++) _records.Add(i);
    }

    public override bool TryWriteCurrent(ref DnsMessageWriter writer)
    {
        bool written;
        if (_stage is 1 or 3)
        {
            ref readonly var soa = ref zone.RRset(zone.SoaRRset);
            written = writer.TryWriteRecord(DnsSection.Answer, zone.NodeName(zone.ApexNode), DnsType.SOA, DnsClass.IN, soa.Ttl, zone.Rdata(soa.FirstRdata));
        }
        else
        {
            ref readonly var set = ref zone.RRset(_rrset);
            written = writer.TryWriteRecord(DnsSection.Answer, zone.NodeName(_node), (DnsType)set.Type, DnsClass.IN, set.Ttl, zone.Rdata(_records[_record]));
        }
        if (written) RecordsSent++;
        return written;
    }
}

/// <summary>A list of records made beforehand: an incremental answer (RFC 1995 §4), or a single SOA.</summary>
internal sealed class ListedRecords(IReadOnlyList<ZoneRecord> records) : TransferRecords
{
    private int _index = -1;

    public override bool MoveNext() => ++_index < records.Count;

    public override bool TryWriteCurrent(ref DnsMessageWriter writer)
    {
        var record = records[_index];
        return writer.TryWriteRecord(DnsSection.Answer, record.Owner.Wire, record.Type, DnsClass.IN, record.Ttl, record.Data);
    }

    /// <summary>The IXFR answer: the new SOA, then per change the old SOA, what it removed, its new SOA, what it added;
    /// the new SOA again.</summary>
    public static ListedRecords Incremental(ZoneSnapshot zone, IReadOnlyList<ZoneDelta> deltas)
    {
        ref readonly var soaSet = ref zone.RRset(zone.SoaRRset);
        var apex = zone.Origin;
        var soa = zone.Rdata(soaSet.FirstRdata);
        var current = new ZoneRecord(apex, DnsType.SOA, soaSet.Ttl, soa.ToArray());
        var list = new List<ZoneRecord>(2 + deltas.Sum(d => d.Removed.Count + d.Added.Count + 2)) { current };
        foreach (var delta in deltas)
        {
            list.Add(new ZoneRecord(apex, DnsType.SOA, soaSet.Ttl, SoaWithSerial(soa, delta.FromSerial)));
            list.AddRange(delta.Removed);
            list.Add(new ZoneRecord(apex, DnsType.SOA, soaSet.Ttl, SoaWithSerial(soa, delta.ToSerial)));
            list.AddRange(delta.Added);
        }
        list.Add(current);
        return new ListedRecords(list);
    }

    /// <summary>Only the current SOA: the IXFR answer to a client that is up to date, or over UDP (RFC 1995 §2, §4).</summary>
    public static ListedRecords CurrentSoa(ZoneSnapshot zone)
    {
        ref readonly var soaSet = ref zone.RRset(zone.SoaRRset);
        return new ListedRecords([new ZoneRecord(zone.Origin, DnsType.SOA, soaSet.Ttl, zone.Rdata(soaSet.FirstRdata).ToArray())]);
    }
}
