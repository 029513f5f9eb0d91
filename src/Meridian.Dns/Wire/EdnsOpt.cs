using Meridian.Dns.Records;

namespace Meridian.Dns.Wire;

/// <summary>The fields of an OPT pseudo-record (RFC 6891 §6.1.3) as read from a message.</summary>
public readonly ref struct EdnsOpt
{
    /// <summary>The DO bit in the flags (RFC 3225).</summary>
    public const ushort DnssecOkFlag = 0x8000;

    /// <summary>Senders below 512 are treated as 512 (RFC 6891 §6.2.5).</summary>
    public const ushort MinimumUdpPayloadSize = 512;

    private EdnsOpt(ushort udpPayloadSize, uint ttl, ReadOnlySpan<byte> options)
    {
        UdpPayloadSize = udpPayloadSize;
        ExtendedRcode = (byte)(ttl >> 24);
        Version = (byte)(ttl >> 16);
        Flags = (ushort)ttl;
        Options = options;
    }

    /// <summary>The requestor's UDP payload size, as sent (may be below 512).</summary>
    public ushort UdpPayloadSize { get; }

    /// <summary>The upper 8 bits of the 12-bit RCODE.</summary>
    public byte ExtendedRcode { get; }

    /// <summary>EDNS version; anything but 0 gets BADVERS (RFC 6891 §6.1.3).</summary>
    public byte Version { get; }

    /// <summary>The 16 flag bits (DO and the reserved Z bits).</summary>
    public ushort Flags { get; }

    public bool DnssecOk => (Flags & DnssecOkFlag) != 0;

    /// <summary>The option list, walked with <see cref="EdnsOptionReader"/>.</summary>
    public ReadOnlySpan<byte> Options { get; }

    /// <summary>Interprets an OPT record; false for any other type.</summary>
    public static bool TryRead(in WireRecord record, out EdnsOpt opt)
    {
        opt = default;
        if (record.Type != DnsType.OPT) return false;
        opt = new EdnsOpt(record.RawClass, record.Ttl, record.Data);
        return true;
    }

    /// <summary>The full 12-bit RCODE from the header's 4 bits and this record's 8.</summary>
    public DnsRcode CombineRcode(DnsRcode headerRcode) => (DnsRcode)((ExtendedRcode << 4) | ((int)headerRcode & 0xF));
}
