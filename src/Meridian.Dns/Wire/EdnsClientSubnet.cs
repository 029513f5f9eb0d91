using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace Meridian.Dns.Wire;

/// <summary>The EDNS Client Subnet option (RFC 7871 §6): a family, a source and a scope prefix length,
/// and the address cut to the source prefix. Held by value so it can outlive the packet.</summary>
public readonly record struct EdnsClientSubnet
{
    public const ushort FamilyIPv4 = 1;
    public const ushort FamilyIPv6 = 2;

    private const int FixedLength = 4;          // FAMILY, SOURCE PREFIX-LENGTH, SCOPE PREFIX-LENGTH
    private const int OptionHeaderLength = 4;   // OPTION-CODE, OPTION-LENGTH

    // The address left-aligned in 128 bits (an IPv4 address fills the top 32), always masked to the source prefix.
    private readonly UInt128 _address;

    private EdnsClientSubnet(ushort family, byte sourcePrefixLength, byte scopePrefixLength, UInt128 address)
    {
        Family = family;
        SourcePrefixLength = sourcePrefixLength;
        ScopePrefixLength = scopePrefixLength;
        _address = address;
    }

    /// <summary>1 for IPv4, 2 for IPv6.</summary>
    public ushort Family { get; }

    /// <summary>How many leading bits of the client's address the sender disclosed.</summary>
    public byte SourcePrefixLength { get; }

    /// <summary>How many leading bits the answer depends on; 0 in queries.</summary>
    public byte ScopePrefixLength { get; }

    /// <summary>Octets of ADDRESS on the wire: the source prefix rounded up to whole octets.</summary>
    public int AddressLength => (SourcePrefixLength + 7) / 8;

    /// <summary>Octets of a whole address of this family (4 or 16).</summary>
    public int FullAddressLength => Family == FamilyIPv4 ? 4 : 16;

    /// <summary>Octets the option takes in OPT RDATA, option code and length included.</summary>
    public int OptionLength => OptionHeaderLength + FixedLength + AddressLength;

    /// <summary>Reads option data (after code and length), applying RFC 7871 §6: known family, prefix
    /// lengths within the family's width, exactly ceil(source/8) address octets, no bits set past the prefix.</summary>
    public static bool TryRead(ReadOnlySpan<byte> optionData, out EdnsClientSubnet subnet)
    {
        subnet = default;
        if (optionData.Length < FixedLength) return false;
        ushort family = BinaryPrimitives.ReadUInt16BigEndian(optionData);
        byte source = optionData[2];
        byte scope = optionData[3];
        int width = WidthOf(family);
        if (width == 0 || source > width || scope > width) return false;
        var address = optionData[FixedLength..];
        if (address.Length != (source + 7) / 8) return false;
        UInt128 value = ReadLeftAligned(address);
        if ((value & ~PrefixMask(source)) != UInt128.Zero) return false;
        subnet = new EdnsClientSubnet(family, source, scope, value);
        return true;
    }

    /// <summary>Builds an option from a whole 4- or 16-octet address; bits past the source prefix are cleared.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> address, byte sourcePrefixLength, byte scopePrefixLength, out EdnsClientSubnet subnet)
    {
        subnet = default;
        ushort family = address.Length switch { 4 => FamilyIPv4, 16 => FamilyIPv6, _ => (ushort)0 };
        int width = WidthOf(family);
        if (width == 0 || sourcePrefixLength > width || scopePrefixLength > width) return false;
        UInt128 value = ReadLeftAligned(address) & PrefixMask(sourcePrefixLength);
        subnet = new EdnsClientSubnet(family, sourcePrefixLength, scopePrefixLength, value);
        return true;
    }

    /// <summary>Builds an option for <paramref name="address"/> (IPv4 or IPv6).</summary>
    public static bool TryCreate(IPAddress address, byte sourcePrefixLength, byte scopePrefixLength, out EdnsClientSubnet subnet)
    {
        Span<byte> octets = stackalloc byte[16];
        if (!address.TryWriteBytes(octets, out int written)) { subnet = default; return false; }
        return TryCreate(octets[..written], sourcePrefixLength, scopePrefixLength, out subnet);
    }

    /// <summary>The same option with another scope, as an answer echoes it (RFC 7871 §7.2.1);
    /// a scope wider than the family is capped at the family's width.</summary>
    public EdnsClientSubnet WithScope(byte scopePrefixLength) =>
        new(Family, SourcePrefixLength, (byte)Math.Min(scopePrefixLength, WidthOf(Family)), _address);

    /// <summary>Writes the whole address (4 or 16 octets, zero past the prefix); returns the count written.</summary>
    public int CopyAddressTo(Span<byte> destination)
    {
        Span<byte> all = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(all, _address);
        int length = FullAddressLength;
        all[..length].CopyTo(destination);
        return length;
    }

    /// <summary>The address as an <see cref="IPAddress"/> (allocates).</summary>
    public IPAddress ToIPAddress()
    {
        Span<byte> octets = stackalloc byte[16];
        int length = CopyAddressTo(octets);
        return new IPAddress(octets[..length]);
    }

    /// <summary>Writes the whole option (code, length, data) into <paramref name="destination"/>.</summary>
    public bool TryWriteOption(Span<byte> destination, out int written)
    {
        written = 0;
        if (Family == 0 || destination.Length < OptionLength) return false;
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)EdnsOptionCode.ClientSubnet);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(FixedLength + AddressLength));
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Family);
        destination[6] = SourcePrefixLength;
        destination[7] = ScopePrefixLength;
        Span<byte> all = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(all, _address);
        all[..AddressLength].CopyTo(destination[8..]);
        written = OptionLength;
        return true;
    }

    /// <summary>"192.0.2.0/24/0": address, source prefix, scope prefix.</summary>
    public override string ToString() =>
        Family == 0 ? "(none)" : string.Create(CultureInfo.InvariantCulture, $"{ToIPAddress()}/{SourcePrefixLength}/{ScopePrefixLength}");

    private static int WidthOf(ushort family) => family switch { FamilyIPv4 => 32, FamilyIPv6 => 128, _ => 0 };

    private static UInt128 PrefixMask(int prefixLength) =>
        prefixLength == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefixLength);

    private static UInt128 ReadLeftAligned(ReadOnlySpan<byte> octets)
    {
        Span<byte> all = stackalloc byte[16];
        all.Clear();
        octets.CopyTo(all);
        return BinaryPrimitives.ReadUInt128BigEndian(all);
    }
}
