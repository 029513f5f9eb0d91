namespace Meridian.Geo;

/// <summary>Helpers for addresses given as 4 or 16 network-order octets.</summary>
internal static class IpAddressBytes
{
    /// <summary>True for ::ffff:a.b.c.d, whose last four octets are the IPv4 address.</summary>
    public static bool IsIPv4Mapped(ReadOnlySpan<byte> address) =>
        address.Length == 16
        && address[..10].IndexOfAnyExcept((byte)0) < 0
        && address[10] == 0xFF && address[11] == 0xFF;

    /// <summary>Reduces an IPv4-mapped IPv6 address to its 4 IPv4 octets; other addresses are returned unchanged.</summary>
    public static ReadOnlySpan<byte> Unmap(ReadOnlySpan<byte> address) =>
        IsIPv4Mapped(address) ? address[12..] : address;
}
