using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.Wire;

/// <summary>Writes a message into a caller's buffer (typically pooled) without allocating, compressing
/// names as it goes. Every write either fits whole or changes nothing and returns false, so a message is
/// always complete up to its last record; <see cref="Mark"/> and <see cref="Rollback"/> make a group of
/// records (an RRset) all-or-nothing, after which the caller may <see cref="SetTruncated"/>. Owner names
/// and the names inside NS, CNAME, SOA, PTR, MX, MINFO, MB, MG, MR, MD and MF RDATA are compressed; no
/// others (RFC 3597 §4). Sections must be written in order; doing otherwise is a programming error.</summary>
public ref struct DnsMessageWriter
{
    private const int FixedRecordFields = 10;   // TYPE, CLASS, TTL, RDLENGTH
    private const int MaxMessageLength = ushort.MaxValue;
    /// <summary>Octets of the longest Client Subnet option (an IPv6 address in full).</summary>
    public const int MaxClientSubnetOptionLength = 4 + 4 + 16;

    private readonly Span<byte> _buffer;
    private int _limit;
    private int _position;
    private DnsSection _section;
    private ushort _questions;
    private ushort _answers;
    private ushort _authority;
    private ushort _additional;
    private int _optTtlOffset;
    private byte _extendedRcode;
    private NameCompressionTable _names;

    /// <summary>Starts a message with a zeroed header. The limit is the buffer's length (at most 65,535).</summary>
    public DnsMessageWriter(Span<byte> buffer)
    {
        if (buffer.Length < DnsHeader.Length) throw new ArgumentException("A message buffer holds at least a 12-octet header.", nameof(buffer));
        _buffer = buffer.Length > MaxMessageLength ? buffer[..MaxMessageLength] : buffer;
        _limit = _buffer.Length;
        _buffer[..DnsHeader.Length].Clear();
        _position = DnsHeader.Length;
        _optTtlOffset = -1;
    }

    /// <summary>The most octets the message may take (e.g. the client's UDP payload size, less room kept
    /// for the OPT record); clamped to the buffer. Writes that would pass it fail.</summary>
    public int Limit
    {
        readonly get => _limit;
        set => _limit = Math.Clamp(value, DnsHeader.Length, _buffer.Length);
    }

    /// <summary>Octets written so far: the message is <c>buffer[..Length]</c>.</summary>
    public readonly int Length => _position;

    /// <summary>The message written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>The header as it now stands in the buffer, counts included.</summary>
    public readonly DnsHeader Header
    {
        get
        {
            _ = DnsHeader.TryRead(_buffer, out var header);
            return header;
        }
    }

    /// <summary>Sets the id and the flags word (counts are the writer's own). Set the header before
    /// <see cref="SetRcode"/>, which overrides its RCODE bits.</summary>
    public void SetHeader(in DnsHeader header)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer, header.Id);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], header.Flags);
    }

    /// <summary>Sets the RCODE: the low 4 bits in the header, the high 8 in the OPT record's extended
    /// RCODE (now or when the OPT record is written). Codes above 15 need an OPT record.</summary>
    public void SetRcode(DnsRcode rcode)
    {
        _buffer[3] = (byte)((_buffer[3] & 0xF0) | ((int)rcode & 0x0F));
        _extendedRcode = (byte)((int)rcode >> 4);
        if (_optTtlOffset >= 0) _buffer[_optTtlOffset] = _extendedRcode;
    }

    /// <summary>Sets the TC bit, telling the client the message was cut.</summary>
    public void SetTruncated() => _buffer[2] |= 0x02;

    /// <summary>Writes a question; the name is uncompressed wire form (it is compressed against earlier questions).</summary>
    public bool TryWriteQuestion(scoped ReadOnlySpan<byte> name, DnsType type, DnsClass @class)
    {
        if (_section != DnsSection.Question) ThrowOutOfOrder();
        CheckName(name);
        int start = _position;
        int names = _names.Count;
        if (!TryWriteName(name) || !TryAdvance(4, out var fields)) return Undo(start, names);
        BinaryPrimitives.WriteUInt16BigEndian(fields, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(fields[2..], (ushort)@class);
        _questions++;
        WriteCounts();
        return true;
    }

    /// <summary>Writes a record. <paramref name="owner"/> is an uncompressed wire name and
    /// <paramref name="rdata"/> the uncompressed wire RDATA of <paramref name="type"/>; names in it are
    /// compressed where RFC 1035 allows. False, with nothing written, when the record does not fit.</summary>
    public bool TryWriteRecord(DnsSection section, scoped ReadOnlySpan<byte> owner, DnsType type, DnsClass @class, uint ttl, scoped ReadOnlySpan<byte> rdata)
    {
        CheckName(owner);
        return TryWriteRecordCore(section, owner, type, (ushort)@class, ttl, rdata);
    }

    /// <summary>Writes the OPT record (RFC 6891 §6.1.2) into the additional section with the extended
    /// RCODE from <see cref="SetRcode"/>; <paramref name="options"/> is the option list in wire form.</summary>
    public bool TryWriteOpt(ushort udpPayloadSize, bool dnssecOk, scoped ReadOnlySpan<byte> options = default, byte version = 0)
    {
        uint ttl = ((uint)_extendedRcode << 24) | ((uint)version << 16) | (dnssecOk ? EdnsOpt.DnssecOkFlag : 0u);
        return TryWriteRecordCore(DnsSection.Additional, [0], DnsType.OPT, udpPayloadSize, ttl, options);
    }

    /// <summary>Writes the OPT record carrying one Client Subnet option (for an answer, the query's
    /// option with the scope set: <see cref="EdnsClientSubnet.WithScope"/>).</summary>
    public bool TryWriteOpt(ushort udpPayloadSize, bool dnssecOk, in EdnsClientSubnet clientSubnet)
    {
        Span<byte> option = stackalloc byte[MaxClientSubnetOptionLength];
        if (!clientSubnet.TryWriteOption(option, out int length)) return TryWriteOpt(udpPayloadSize, dnssecOk);
        return TryWriteOpt(udpPayloadSize, dnssecOk, option[..length]);
    }

    /// <summary>Octets an OPT record with <paramref name="optionsLength"/> octets of options takes, to
    /// keep room for it under <see cref="Limit"/>.</summary>
    public static int OptRecordLength(int optionsLength) => 1 + FixedRecordFields + optionsLength;

    /// <summary>Remembers the current point, to return to with <see cref="Rollback"/>.</summary>
    public readonly DnsWriterMark Mark() =>
        new(_position, _section, _questions, _answers, _authority, _additional, _names.Count, _optTtlOffset);

    /// <summary>Drops everything written after <paramref name="mark"/>.</summary>
    public void Rollback(in DnsWriterMark mark)
    {
        _position = mark.Position;
        _section = mark.Section;
        _questions = mark.Questions;
        _answers = mark.Answers;
        _authority = mark.Authority;
        _additional = mark.Additional;
        _names.Truncate(mark.CompressionCount);
        _optTtlOffset = mark.OptTtlOffset;
        WriteCounts();
    }

    private bool TryWriteRecordCore(DnsSection section, scoped ReadOnlySpan<byte> owner, DnsType type, ushort @class, uint ttl, scoped ReadOnlySpan<byte> rdata)
    {
        if (section == DnsSection.Question || section > DnsSection.Additional) ThrowBadSection(section);
        if (section < _section) ThrowOutOfOrder();
        int start = _position;
        int names = _names.Count;
        if (!TryWriteName(owner) || !TryAdvance(FixedRecordFields, out var fields)) return Undo(start, names);
        int rdataStart = _position;
        if (!TryWriteRdata(type, rdata)) return Undo(start, names);

        BinaryPrimitives.WriteUInt16BigEndian(fields, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(fields[2..], @class);
        BinaryPrimitives.WriteUInt32BigEndian(fields[4..], ttl);
        BinaryPrimitives.WriteUInt16BigEndian(fields[8..], (ushort)(_position - rdataStart));
        if (type == DnsType.OPT) _optTtlOffset = rdataStart - 6;
        switch (section)
        {
            case DnsSection.Answer: _answers++; break;
            case DnsSection.Authority: _authority++; break;
            default: _additional++; break;
        }
        _section = section;
        WriteCounts();
        return true;
    }

    private bool TryWriteRdata(DnsType type, scoped ReadOnlySpan<byte> rdata)
    {
        // Compress only where the RDATA has exactly the layout of its type; anything else goes out as given.
        switch (type)
        {
            case DnsType.NS or DnsType.CNAME or DnsType.PTR or DnsType.MB or DnsType.MG or DnsType.MR
                or DnsType.MD or DnsType.MF:
                if (NameLength(rdata, 0) == rdata.Length) return TryWriteName(rdata);
                break;
            case DnsType.MX:
                if (rdata.Length > 2 && NameLength(rdata, 2) == rdata.Length - 2)
                    return TryWriteBytes(rdata[..2]) && TryWriteName(rdata[2..]);
                break;
            case DnsType.MINFO:
            {
                int first = NameLength(rdata, 0);
                if (first > 0 && NameLength(rdata, first) == rdata.Length - first)
                    return TryWriteName(rdata[..first]) && TryWriteName(rdata[first..]);
                break;
            }
            case DnsType.SOA:
            {
                const int SoaNumbers = 20;   // SERIAL, REFRESH, RETRY, EXPIRE, MINIMUM
                int mname = NameLength(rdata, 0);
                int rname = mname > 0 ? NameLength(rdata, mname) : -1;
                if (rname > 0 && mname + rname + SoaNumbers == rdata.Length)
                {
                    return TryWriteName(rdata[..mname]) && TryWriteName(rdata.Slice(mname, rname))
                        && TryWriteBytes(rdata[(mname + rname)..]);
                }
                break;
            }
        }
        return TryWriteBytes(rdata);
    }

    /// <summary>Writes an uncompressed name, replacing its longest suffix already in the message by a
    /// pointer, and records the new suffixes it adds.</summary>
    private bool TryWriteName(scoped ReadOnlySpan<byte> name)
    {
        int literal = name.Length;
        int target = -1;
        for (int p = 0; name[p] != 0; p += name[p] + 1)
        {
            target = _names.Find(_buffer[.._position], name[p..]);
            if (target >= 0)
            {
                literal = p;
                break;
            }
        }
        int start = _position;
        if (!TryWriteBytes(name[..literal])) return false;
        if (target >= 0)
        {
            if (!TryAdvance(2, out var pointer)) return false;
            BinaryPrimitives.WriteUInt16BigEndian(pointer, (ushort)(0xC000 | target));
        }
        for (int p = 0; p < literal && name[p] != 0; p += name[p] + 1) _names.Add(start + p, name.Length - p);
        return true;
    }

    private bool TryWriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (!TryAdvance(bytes.Length, out var destination)) return false;
        bytes.CopyTo(destination);
        return true;
    }

    private bool TryAdvance(int count, out Span<byte> destination)
    {
        if (count > _limit - _position)
        {
            destination = default;
            return false;
        }
        destination = _buffer.Slice(_position, count);
        _position += count;
        return true;
    }

    private bool Undo(int position, int names)
    {
        _position = position;
        _names.Truncate(names);
        return false;
    }

    private readonly void WriteCounts()
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[4..], _questions);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[6..], _answers);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[8..], _authority);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[10..], _additional);
    }

    /// <summary>Length of the uncompressed name at <paramref name="offset"/>, or -1 when there is none.</summary>
    private static int NameLength(ReadOnlySpan<byte> data, int offset) =>
        WireNames.TryGetLength(data, offset, out int length) ? length : -1;

    private static void CheckName(ReadOnlySpan<byte> name)
    {
        if (NameLength(name, 0) != name.Length) ThrowBadName();
    }

    [DoesNotReturn]
    private static void ThrowBadName() =>
        throw new ArgumentException("Names given to the writer are uncompressed wire names (e.g. DnsName.Wire).");

    [DoesNotReturn]
    private static void ThrowOutOfOrder() =>
        throw new InvalidOperationException("Sections are written in order: questions, answer, authority, additional.");

    [DoesNotReturn]
    private static void ThrowBadSection(DnsSection section) =>
        throw new ArgumentOutOfRangeException(nameof(section), section, "Records go in the answer, authority or additional section.");
}
