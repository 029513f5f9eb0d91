using System.Buffers.Binary;

namespace Meridian.Dns.Wire;

/// <summary>The 12-octet message header (RFC 1035 §4.1.1, RFC 4035 §3.2 for AD and CD).</summary>
public record struct DnsHeader
{
    /// <summary>Octets in the header.</summary>
    public const int Length = 12;

    private const ushort ResponseBit = 0x8000;
    private const ushort OpcodeMask = 0x7800;
    private const ushort AuthoritativeBit = 0x0400;
    private const ushort TruncatedBit = 0x0200;
    private const ushort RecursionDesiredBit = 0x0100;
    private const ushort RecursionAvailableBit = 0x0080;
    private const ushort ZBit = 0x0040;
    private const ushort AuthenticDataBit = 0x0020;
    private const ushort CheckingDisabledBit = 0x0010;
    private const ushort RcodeMask = 0x000F;

    public ushort Id { get; set; }

    /// <summary>The second 16-bit word: QR, OPCODE, AA, TC, RD, RA, Z, AD, CD, RCODE.</summary>
    public ushort Flags { get; set; }

    public ushort QuestionCount { get; set; }
    public ushort AnswerCount { get; set; }
    public ushort AuthorityCount { get; set; }
    public ushort AdditionalCount { get; set; }

    /// <summary>QR: the message is a response.</summary>
    public bool IsResponse { readonly get => Has(ResponseBit); set => Set(ResponseBit, value); }

    public DnsOpcode Opcode
    {
        readonly get => (DnsOpcode)((Flags & OpcodeMask) >> 11);
        set => Flags = (ushort)((Flags & ~OpcodeMask) | (((int)value << 11) & OpcodeMask));
    }

    /// <summary>AA: the answer comes from an authority for the name.</summary>
    public bool IsAuthoritative { readonly get => Has(AuthoritativeBit); set => Set(AuthoritativeBit, value); }

    /// <summary>TC: the message was cut to fit the transport.</summary>
    public bool IsTruncated { readonly get => Has(TruncatedBit); set => Set(TruncatedBit, value); }

    public bool RecursionDesired { readonly get => Has(RecursionDesiredBit); set => Set(RecursionDesiredBit, value); }
    public bool RecursionAvailable { readonly get => Has(RecursionAvailableBit); set => Set(RecursionAvailableBit, value); }

    /// <summary>The reserved Z bit; must be zero in what we send, ignored in what we receive.</summary>
    public bool Z { readonly get => Has(ZBit); set => Set(ZBit, value); }

    public bool AuthenticData { readonly get => Has(AuthenticDataBit); set => Set(AuthenticDataBit, value); }
    public bool CheckingDisabled { readonly get => Has(CheckingDisabledBit); set => Set(CheckingDisabledBit, value); }

    /// <summary>The 4-bit RCODE held in the header; the full code adds the OPT record's extended bits.</summary>
    public DnsRcode Rcode
    {
        readonly get => (DnsRcode)(Flags & RcodeMask);
        set => Flags = (ushort)((Flags & ~RcodeMask) | ((int)value & RcodeMask));
    }

    /// <summary>The header of a response to <paramref name="query"/>: same id and opcode, RD and CD copied
    /// (RFC 1035 §4.1.1, RFC 4035 §3.1.6), QR set, counts zero.</summary>
    public static DnsHeader ForResponseTo(in DnsHeader query)
    {
        var header = new DnsHeader { Id = query.Id, IsResponse = true, Opcode = query.Opcode };
        header.RecursionDesired = query.RecursionDesired;
        header.CheckingDisabled = query.CheckingDisabled;
        return header;
    }

    /// <summary>Reads a header from the first 12 octets; false when there are fewer.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        header = default;
        if (message.Length < Length) return false;
        header.Id = BinaryPrimitives.ReadUInt16BigEndian(message);
        header.Flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        header.QuestionCount = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        header.AnswerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        header.AuthorityCount = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        header.AdditionalCount = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        return true;
    }

    /// <summary>The count of records in <paramref name="section"/>.</summary>
    public readonly ushort CountOf(DnsSection section) => section switch
    {
        DnsSection.Question => QuestionCount,
        DnsSection.Answer => AnswerCount,
        DnsSection.Authority => AuthorityCount,
        _ => AdditionalCount,
    };

    private readonly bool Has(ushort bit) => (Flags & bit) != 0;

    private void Set(ushort bit, bool value) => Flags = value ? (ushort)(Flags | bit) : (ushort)(Flags & ~bit);
}
