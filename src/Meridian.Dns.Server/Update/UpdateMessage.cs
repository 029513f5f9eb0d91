using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Update;

/// <summary>One record of an UPDATE's prerequisite or update section (RFC 2136 §2.4, §2.5): owner (lowercase), type,
/// class, TTL and RDATA with any compressed names expanded.</summary>
public sealed record UpdateRecord(DnsName Owner, DnsType Type, DnsClass Class, uint Ttl, byte[] Data);

/// <summary>What one update-section record asks for (RFC 2136 §2.5).</summary>
public enum UpdateOperation
{
    /// <summary>Class of the zone: add the record to its RRset.</summary>
    Add,
    /// <summary>Class ANY, a type: delete the RRset.</summary>
    DeleteRRset,
    /// <summary>Class ANY, type ANY: delete every RRset of the name.</summary>
    DeleteName,
    /// <summary>Class NONE: delete the one record with this data.</summary>
    DeleteRecord,
}

/// <summary>An RFC 2136 UPDATE message taken apart: the zone, the prerequisites and the updates. Reading checks
/// everything that can be checked without the zone's data (§3.1.1, the format rules of §3.2 and §3.4.1.3, and
/// that every name is inside the zone, §3.2 and §3.4.1.3); the rest is <see cref="UpdateRules"/>' work.</summary>
public sealed class UpdateMessage
{
    private UpdateMessage(DnsName zone, IReadOnlyList<UpdateRecord> prerequisites, IReadOnlyList<UpdateRecord> updates)
    {
        Zone = zone;
        Prerequisites = prerequisites;
        Updates = updates;
    }

    /// <summary>The zone named in the zone section (lowercase).</summary>
    public DnsName Zone { get; }

    public IReadOnlyList<UpdateRecord> Prerequisites { get; }

    public IReadOnlyList<UpdateRecord> Updates { get; }

    /// <summary>The operation an update-section record asks for (the record passed <see cref="TryRead"/>).</summary>
    public static UpdateOperation OperationOf(UpdateRecord record) => record.Class switch
    {
        DnsClass.ANY => record.Type == DnsType.ANY ? UpdateOperation.DeleteName : UpdateOperation.DeleteRRset,
        DnsClass.NONE => UpdateOperation.DeleteRecord,
        _ => UpdateOperation.Add,
    };

    /// <summary>Reads an UPDATE. False with <paramref name="error"/> FORMERR for a message that breaks the format
    /// rules, NOTZONE for a name outside the zone, NOTAUTH for a zone of another class than IN (we serve only IN).
    /// The TSIG and OPT records of the additional section are passed over; the TSIG itself is checked elsewhere.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out UpdateMessage? update, out DnsRcode error)
    {
        update = null;
        error = DnsRcode.FormErr;
        Span<byte> nameBuffer = stackalloc byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(message, nameBuffer, lowercaseNames: true);
        if (reader.Error != WireError.None || reader.Header.Opcode != DnsOpcode.Update) return false;
        // §3.1.1: exactly one zone, of type SOA.
        if (reader.Header.QuestionCount != 1 || !reader.TryReadQuestion(out var question) || question.Type != DnsType.SOA) return false;
        if (!DnsName.TryFromWire(question.Name, out var zone)) return false;
        var zoneClass = question.Class;

        var prerequisites = new List<UpdateRecord>(reader.Header.AnswerCount);
        var updates = new List<UpdateRecord>(reader.Header.AuthorityCount);
        var rdata = new byte[ushort.MaxValue];
        bool outsideZone = false;
        while (reader.TryReadRecord(out var record))
        {
            if (record.Section == DnsSection.Additional) continue;
            if (!DnsName.TryFromWire(record.Name, out var owner)) return false;
            int length;
            // Deletions carry no RDATA at all, which has no names to expand.
            if (record.Data.Length > 0 && RdataDecompressor.MayBeCompressed(record.Type))
            {
                if (RdataDecompressor.Decompress(message, record, rdata, out length) != WireError.None) return false;
            }
            else
            {
                record.Data.CopyTo(rdata);
                length = record.Data.Length;
            }
            var item = new UpdateRecord(owner, record.Type, record.Class, record.Ttl, rdata[..length]);
            bool wellFormed = record.Section == DnsSection.Answer ? IsWellFormedPrerequisite(item, zoneClass) : IsWellFormedUpdate(item, zoneClass);
            if (!wellFormed) return false;
            outsideZone |= !owner.IsSubdomainOf(zone);
            (record.Section == DnsSection.Answer ? prerequisites : updates).Add(item);
        }
        if (reader.Error != WireError.None || reader.RemainingOctets != 0) return false;
        if (zoneClass != DnsClass.IN)
        {
            error = DnsRcode.NotAuth;
            return false;
        }
        if (outsideZone)
        {
            error = DnsRcode.NotZone;
            return false;
        }
        update = new UpdateMessage(zone, prerequisites, updates);
        error = DnsRcode.NoError;
        return true;
    }

    /// <summary>RFC 2136 §3.2: TTL zero; class ANY or NONE with no RDATA (name or RRset in use or not), or the zone's
    /// class with RDATA (the RRset exists with exactly these values).</summary>
    private static bool IsWellFormedPrerequisite(UpdateRecord record, DnsClass zoneClass)
    {
        if (record.Ttl != 0) return false;
        if (record.Class is DnsClass.ANY or DnsClass.NONE) return record.Data.Length == 0 && !IsTransferType(record.Type);
        return record.Class == zoneClass && !IsMetaType(record.Type);
    }

    /// <summary>RFC 2136 §3.4.1.3: additions carry data of a data type; deletions have TTL zero, deletions of an RRset
    /// or name no data.</summary>
    private static bool IsWellFormedUpdate(UpdateRecord record, DnsClass zoneClass)
    {
        if (record.Class == zoneClass) return !IsMetaType(record.Type);
        if (record.Class == DnsClass.ANY) return record.Ttl == 0 && record.Data.Length == 0 && !IsTransferType(record.Type);
        if (record.Class == DnsClass.NONE) return record.Ttl == 0 && !IsMetaType(record.Type);
        return false;
    }

    private static bool IsTransferType(DnsType type) => type is DnsType.AXFR or DnsType.IXFR or DnsType.MAILA or DnsType.MAILB;

    private static bool IsMetaType(DnsType type) =>
        IsTransferType(type) || type is DnsType.ANY or DnsType.OPT or DnsType.TSIG or DnsType.TKEY;
}
