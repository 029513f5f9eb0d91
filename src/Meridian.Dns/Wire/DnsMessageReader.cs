using System.Buffers.Binary;
using Meridian.Dns.Records;

namespace Meridian.Dns.Wire;

/// <summary>Reads a message section by section without allocating. The error is sticky (as in Knot):
/// after the first failure every read returns false and does nothing, so a caller may read several
/// items and check <see cref="Error"/> once. It never throws for bad input.</summary>
/// Names are copied uncompressed into one buffer the caller gives at construction (so a stack buffer
/// works without ref-safety trouble); a returned name is valid until the next read.
/// <example>
/// Span&lt;byte&gt; name = stackalloc byte[DnsName.MaxWireLength];
/// var reader = new DnsMessageReader(packet, name);
/// while (reader.TryReadRecord(out var record)) { ... }
/// if (reader.Error != WireError.None) { /* FORMERR */ }
/// </example>
public ref struct DnsMessageReader
{
    private const int FixedRecordFields = 10;   // TYPE, CLASS, TTL, RDLENGTH
    private const int FixedQuestionFields = 4;  // QTYPE, QCLASS

    private readonly ReadOnlySpan<byte> _message;
    private readonly Span<byte> _nameBuffer;
    private readonly DnsHeader _header;
    private readonly bool _lowercaseNames;
    private int _position;
    private WireError _error;
    private int _questionsLeft;
    private int _answersLeft;
    private int _authorityLeft;
    private int _additionalLeft;
    private bool _sawOpt;

    /// <summary>Starts reading; the header is read at once (<see cref="WireError.ShortHeader"/> when missing).</summary>
    /// <param name="nameBuffer">Receives each name read, uncompressed; 255 octets always suffice.</param>
    /// <param name="lowercaseNames">Fold ASCII letters of names to lowercase as they are copied out.</param>
    public DnsMessageReader(ReadOnlySpan<byte> message, Span<byte> nameBuffer, bool lowercaseNames = false)
    {
        _message = message;
        _nameBuffer = nameBuffer;
        _lowercaseNames = lowercaseNames;
        if (!DnsHeader.TryRead(message, out _header))
        {
            _error = WireError.ShortHeader;
            return;
        }
        _position = DnsHeader.Length;
        _questionsLeft = _header.QuestionCount;
        _answersLeft = _header.AnswerCount;
        _authorityLeft = _header.AuthorityCount;
        _additionalLeft = _header.AdditionalCount;
    }

    /// <summary>The header (all zero when <see cref="WireError.ShortHeader"/>).</summary>
    public readonly DnsHeader Header => _header;

    /// <summary>The first error met, or <see cref="WireError.None"/>.</summary>
    public readonly WireError Error => _error;

    /// <summary>Offset of the next unread octet.</summary>
    public readonly int Position => _position;

    /// <summary>The whole message (to decompress names found in RDATA).</summary>
    public readonly ReadOnlySpan<byte> Message => _message;

    /// <summary>True once every question and record the counts announce has been read without error.</summary>
    public readonly bool IsComplete =>
        _error == WireError.None && (_questionsLeft | _answersLeft | _authorityLeft | _additionalLeft) == 0;

    /// <summary>Octets after the read position; non-zero after <see cref="IsComplete"/> means trailing data.</summary>
    public readonly int RemainingOctets => _message.Length - _position;

    /// <summary>True when an OPT record has been read.</summary>
    public readonly bool SawOpt => _sawOpt;

    /// <summary>Reads the next question, its name copied into the name buffer. False when the questions
    /// are exhausted or on error.</summary>
    public bool TryReadQuestion(out WireQuestion question)
    {
        question = default;
        if (!TryReadQuestionCore(copy: true, out int nameLength, out var type, out var @class)) return false;
        question = new WireQuestion(_nameBuffer[..nameLength], type, @class);
        return true;
    }

    /// <summary>Moves past the next question, checking it.</summary>
    public bool TrySkipQuestion() => TryReadQuestionCore(copy: false, out _, out _, out _);

    /// <summary>Reads the next record of the answer, authority or additional section (skipping unread
    /// questions), its owner copied into the name buffer. False when no record is left or on error;
    /// tell them apart with <see cref="Error"/>.</summary>
    public bool TryReadRecord(out WireRecord record)
    {
        record = default;
        if (!TryReadRecordCore(copy: true, out var fields)) return false;
        record = new WireRecord(fields.Section, _nameBuffer[..fields.NameLength], fields.Type, fields.Class, fields.Ttl,
            _message.Slice(fields.DataOffset, fields.DataLength), fields.DataOffset);
        return true;
    }

    /// <summary>Like <see cref="TryReadRecord"/> but leaves the name buffer alone: the owner is checked,
    /// not copied, and <see cref="WireRecord.Name"/> is empty.</summary>
    public bool TryReadRecordWithoutName(out WireRecord record)
    {
        record = default;
        if (!TryReadRecordCore(copy: false, out var fields)) return false;
        record = new WireRecord(fields.Section, default, fields.Type, fields.Class, fields.Ttl,
            _message.Slice(fields.DataOffset, fields.DataLength), fields.DataOffset);
        return true;
    }

    private bool TryReadQuestionCore(bool copy, out int nameLength, out DnsType type, out DnsClass @class)
    {
        nameLength = 0;
        type = DnsType.None;
        @class = 0;
        if (_error != WireError.None || _questionsLeft == 0) return false;
        int position = _position;
        var error = copy
            ? WireNameReader.Read(_message, ref position, _nameBuffer, _lowercaseNames, out nameLength)
            : WireNameReader.Skip(_message, ref position, out nameLength);
        if (error != WireError.None) return Fail(error);
        if (position + FixedQuestionFields > _message.Length) return Fail(WireError.Truncated);
        type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(_message[position..]);
        @class = (DnsClass)BinaryPrimitives.ReadUInt16BigEndian(_message[(position + 2)..]);
        _position = position + FixedQuestionFields;
        _questionsLeft--;
        return true;
    }

    private bool TryReadRecordCore(bool copy, out RecordFields fields)
    {
        fields = default;
        if (_error != WireError.None) return false;
        while (_questionsLeft > 0)
        {
            if (!TrySkipQuestion()) return false;
        }
        DnsSection section;
        if (_answersLeft > 0) section = DnsSection.Answer;
        else if (_authorityLeft > 0) section = DnsSection.Authority;
        else if (_additionalLeft > 0) section = DnsSection.Additional;
        else return false;

        int position = _position;
        int nameLength;
        var error = copy
            ? WireNameReader.Read(_message, ref position, _nameBuffer, _lowercaseNames, out nameLength)
            : WireNameReader.Skip(_message, ref position, out nameLength);
        if (error != WireError.None) return Fail(error);
        if (position + FixedRecordFields > _message.Length) return Fail(WireError.Truncated);
        var fixedFields = _message.Slice(position, FixedRecordFields);
        var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(fixedFields);
        ushort @class = BinaryPrimitives.ReadUInt16BigEndian(fixedFields[2..]);
        uint ttl = BinaryPrimitives.ReadUInt32BigEndian(fixedFields[4..]);
        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(fixedFields[8..]);
        int dataOffset = position + FixedRecordFields;
        if (dataOffset + dataLength > _message.Length) return Fail(WireError.Truncated);

        if (type == DnsType.OPT)
        {
            // RFC 6891 §6.1.1: one OPT, in the additional section, owned by the root.
            if (section != DnsSection.Additional) return Fail(WireError.OptNotInAdditional);
            if (_sawOpt) return Fail(WireError.MultipleOpt);
            if (nameLength != 1) return Fail(WireError.OptOwnerNotRoot);
            if (!EdnsOptionReader.IsWellFormed(_message.Slice(dataOffset, dataLength))) return Fail(WireError.BadOptOptions);
            _sawOpt = true;
        }

        switch (section)
        {
            case DnsSection.Answer: _answersLeft--; break;
            case DnsSection.Authority: _authorityLeft--; break;
            default: _additionalLeft--; break;
        }
        _position = dataOffset + dataLength;
        fields = new RecordFields(section, nameLength, type, @class, ttl, dataOffset, dataLength);
        return true;
    }

    private bool Fail(WireError error)
    {
        _error = error;
        return false;
    }

    private readonly record struct RecordFields(
        DnsSection Section, int NameLength, DnsType Type, ushort Class, uint Ttl, int DataOffset, int DataLength);
}
