using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.Wire;

/// <summary>One resource record as read from a message. <see cref="Name"/> is uncompressed, in the caller's
/// buffer; <see cref="Data"/> is the RDATA exactly as received (names in it may be compressed, see
/// <see cref="RdataDecompressor"/>).</summary>
public readonly ref struct WireRecord
{
    public WireRecord(DnsSection section, ReadOnlySpan<byte> name, DnsType type, ushort @class, uint ttl, ReadOnlySpan<byte> data, int dataOffset)
    {
        Section = section;
        Name = name;
        Type = type;
        RawClass = @class;
        Ttl = ttl;
        Data = data;
        DataOffset = dataOffset;
    }

    public DnsSection Section { get; }

    /// <summary>The owner name in uncompressed wire form, case as received.</summary>
    public ReadOnlySpan<byte> Name { get; }

    public DnsType Type { get; }

    /// <summary>The CLASS field; for OPT it holds the UDP payload size instead.</summary>
    public ushort RawClass { get; }

    public DnsClass Class => (DnsClass)RawClass;

    /// <summary>The TTL field; for OPT it holds the extended RCODE, version and flags instead.</summary>
    public uint Ttl { get; }

    /// <summary>RDATA as received.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Where <see cref="Data"/> starts in the message (needed to follow compression pointers in it).</summary>
    public int DataOffset { get; }

    /// <summary>The owner as a <see cref="DnsName"/> (allocates; not for the hot path).</summary>
    public DnsName GetName() => DnsName.TryFromWire(Name, out var name) ? name : DnsName.Root;
}
