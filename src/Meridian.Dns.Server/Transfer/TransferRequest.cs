using System.Buffers.Binary;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Transfer;

/// <summary>A signed or transfer message taken apart once: the question, the TSIG check and signer, the zone, the
/// client's serial (IXFR) and, when it is to be refused, the rcode. Built off the hot path, so it may allocate.</summary>
internal sealed class TransferRequest
{
    public DnsHeader Header { get; private init; }
    public byte[] QuestionName { get; private init; } = [];
    public DnsType Type { get; private init; }
    public DnsClass Class { get; private init; }
    public bool HasQuestion { get; private init; }
    public TsigCheck Tsig { get; private init; } = new(TsigStatus.Unsigned, null, null);
    public TsigSigner? Signer { get; private init; }
    public ZoneSnapshot? Zone { get; private set; }
    public uint? ClientSerial { get; private set; }

    /// <summary>Set when the request is answered by an error rather than records.</summary>
    public DnsRcode? Error { get; set; }

    /// <summary>True when the message could not be read at all: the answer is a bare FORMERR header.</summary>
    public bool Unreadable { get; private init; }

    /// <summary>Reads the message and checks its TSIG. Zone and access are the caller's to check.</summary>
    public static TransferRequest Read(ReadOnlySpan<byte> message, TsigVerifier verifier)
    {
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        if (!DnsQuery.TryRead(message, name, out var q))
            return new TransferRequest { Header = q.Header, Unreadable = true, Error = DnsRcode.FormErr };
        var check = q.HasTsig ? verifier.Verify(message) : new TsigCheck(TsigStatus.Unsigned, null, null);
        var request = new TransferRequest
        {
            Header = q.Header, QuestionName = q.Name.ToArray(), Type = q.Type, Class = q.Class, HasQuestion = q.HasQuestion, Tsig = check,
            Signer = check.Status is TsigStatus.Valid or TsigStatus.BadTime ? new TsigSigner(check.Key!, check.Record!.Mac, check.Record.OriginalId) : null,
        };
        request.Error = check.Status switch
        {
            TsigStatus.Malformed => DnsRcode.FormErr,
            TsigStatus.BadKey or TsigStatus.BadSig or TsigStatus.BadTime => DnsRcode.NotAuth,
            _ => q.HasQuestion ? null : DnsRcode.FormErr,
        };
        return request;
    }

    /// <summary>Finds the zone the question names (its apex exactly), and for IXFR the client's serial from the SOA in
    /// the authority section (RFC 1995 §3). NOTAUTH when the zone is not ours, FORMERR when IXFR carries no SOA.</summary>
    public void FindZone(ZoneSet zones, ReadOnlySpan<byte> message)
    {
        if (Error is not null) return;
        var name = DnsName.TryFromWire(QuestionName, out var parsed) ? parsed : null;
        var zone = name is null ? null : zones.Find(name);
        if (zone is null || zone.SoaRRset < 0 || Class != DnsClass.IN)
        {
            Error = Class == DnsClass.IN ? DnsRcode.NotAuth : DnsRcode.Refused;
            return;
        }
        Zone = zone;
        if (Type != DnsType.IXFR) return;
        Span<byte> owner = stackalloc byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(message, owner);
        while (reader.TryReadRecord(out var record))
        {
            if (record.Section == DnsSection.Authority && record.Type == DnsType.SOA && record.Data.Length >= 22)
            {
                ClientSerial = BinaryPrimitives.ReadUInt32BigEndian(record.Data[^20..]);
                return;
            }
        }
        Error = DnsRcode.FormErr;
    }

    /// <summary>Starts a response: the header (AA when the zone is ours) and, when <paramref name="withQuestion"/>, the question.</summary>
    public DnsMessageWriter StartResponse(Span<byte> buffer, bool withQuestion)
    {
        var writer = new DnsMessageWriter(buffer);
        var header = DnsHeader.ForResponseTo(Header);
        header.IsAuthoritative = Zone is not null && Error is null;
        writer.SetHeader(header);
        if (withQuestion && HasQuestion && !Unreadable) writer.TryWriteQuestion(QuestionName, Type, Class);
        return writer;
    }

    /// <summary>Writes the error answer (question, rcode) and signs it as RFC 8945 §5.2 says: BADKEY and BADSIG unsigned
    /// with the error in the TSIG, BADTIME signed with our time as other data, anything else signed when the request was.</summary>
    public int WriteError(Span<byte> buffer, ulong now)
    {
        if (Unreadable)
        {
            var bare = new DnsMessageWriter(buffer);
            bare.SetHeader(DnsHeader.ForResponseTo(Header));
            bare.SetRcode(DnsRcode.FormErr);
            return bare.Length;
        }
        var writer = StartResponse(buffer[..(Math.Min(buffer.Length, ushort.MaxValue) - TsigSigner.MaxRecordLength)], withQuestion: true);
        writer.SetRcode(Error ?? DnsRcode.ServFail);
        int length = writer.Length;
        return Sign(buffer, length, now);
    }

    /// <summary>Appends the TSIG this response needs (none for an unsigned request).</summary>
    public int Sign(Span<byte> buffer, int length, ulong now)
    {
        switch (Tsig.Status)
        {
            case TsigStatus.BadKey:
                return TsigSigner.AppendUnsigned(buffer, length, Tsig.Record!, DnsRcode.BadKey, now);
            case TsigStatus.BadSig:
                return TsigSigner.AppendUnsigned(buffer, length, Tsig.Record!, DnsRcode.BadVers, now);
            case TsigStatus.BadTime:
            {
                Span<byte> serverTime = stackalloc byte[6];
                TsigSigner.WriteTime(serverTime, now);
                return Signer!.Sign(buffer, length, now, DnsRcode.BadTime, Tsig.Record!.TimeSigned, serverTime);
            }
            case TsigStatus.Valid:
                return Signer!.Sign(buffer, length, now);
            default:
                return length;
        }
    }
}
