using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace Meridian.Geo;

/// <summary>
/// Operator-configured CIDR -> country rules, checked before the database; the longest matching prefix wins.
/// Lookups probe one hash table per distinct prefix length, longest first, and never allocate.
/// </summary>
public sealed class GeoOverrides
{
    private readonly PrefixTable<uint> _ipv4;
    private readonly PrefixTable<UInt128> _ipv6;

    private GeoOverrides(PrefixTable<uint> ipv4, PrefixTable<UInt128> ipv6, int count)
    {
        _ipv4 = ipv4;
        _ipv6 = ipv6;
        Count = count;
    }

    public static GeoOverrides Empty { get; } = new(new([]), new([]), 0);

    /// <summary>How many rules there are.</summary>
    public int Count { get; }

    /// <summary>
    /// Builds the rules from (CIDR, country code) pairs such as ("10.0.0.0/8", "US") or ("2001:db8::/32", "fr").
    /// A bare address is a /32 or /128. Fails on a malformed CIDR, bits set past the prefix, an unknown
    /// country, or one network given twice.
    /// </summary>
    public static bool TryCreate(
        IEnumerable<KeyValuePair<string, string>> rules,
        [NotNullWhen(true)] out GeoOverrides? overrides,
        [NotNullWhen(false)] out string? error)
    {
        overrides = null;
        var ipv4 = new Dictionary<(int, uint), CountryInfo>();
        var ipv6 = new Dictionary<(int, UInt128), CountryInfo>();
        foreach (var (cidr, countryCode) in rules)
        {
            if (!Countries.TryGet((countryCode ?? "").Trim(), out var country))
            {
                error = $"geo override \"{cidr}\": unknown country code \"{countryCode}\"";
                return false;
            }
            if (!TryParseNetwork(cidr, out var address, out int prefix, out error)) return false;
            bool added = address.Length == 4
                ? ipv4.TryAdd((prefix, BinaryPrimitives.ReadUInt32BigEndian(address)), country)
                : ipv6.TryAdd((prefix, BinaryPrimitives.ReadUInt128BigEndian(address)), country);
            if (!added)
            {
                error = $"geo override \"{cidr}\" is given twice";
                return false;
            }
        }
        overrides = new GeoOverrides(new(ipv4), new(ipv6), ipv4.Count + ipv6.Count);
        error = null;
        return true;
    }

    /// <summary>The country of the longest rule covering a 4- or 16-octet address (IPv4-mapped IPv6 counts as IPv4).</summary>
    public bool TryLookup(ReadOnlySpan<byte> address, [NotNullWhen(true)] out CountryInfo? country)
    {
        address = IpAddressBytes.Unmap(address);
        country = null;
        return address.Length switch
        {
            4 => _ipv4.TryLookup(BinaryPrimitives.ReadUInt32BigEndian(address), out country),
            16 => _ipv6.TryLookup(BinaryPrimitives.ReadUInt128BigEndian(address), out country),
            _ => false,
        };
    }

    private static bool TryParseNetwork(string? cidr, out byte[] address, out int prefix, [NotNullWhen(false)] out string? error)
    {
        address = [];
        prefix = 0;
        var text = (cidr ?? "").Trim();
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var ip) || addressText.Contains('%', StringComparison.Ordinal))
        {
            error = $"geo override \"{cidr}\": not an IP network";
            return false;
        }
        int maxPrefix = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0) prefix = maxPrefix;
        else if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
                 || prefix > maxPrefix)
        {
            error = $"geo override \"{cidr}\": prefix length must be 0-{maxPrefix}";
            return false;
        }
        // ::ffff:0:0/96 and longer describe IPv4 space; lookups unmap such addresses, so the rule is kept as IPv4.
        if (ip.IsIPv4MappedToIPv6 && prefix >= 96)
        {
            ip = ip.MapToIPv4();
            prefix -= 96;
        }
        address = ip.GetAddressBytes();
        if (!HostBitsAreZero(address, prefix))
        {
            error = $"geo override \"{cidr}\": address has bits set past the /{prefix} prefix";
            return false;
        }
        error = null;
        return true;
    }

    private static bool HostBitsAreZero(byte[] address, int prefix)
    {
        for (int bit = prefix; bit < address.Length * 8; bit++)
            if ((address[bit >> 3] & (0x80 >> (bit & 7))) != 0) return false;
        return true;
    }

    /// <summary>One exact-match table per prefix length, probed from the longest length down.</summary>
    private sealed class PrefixTable<T>
        where T : struct, IBinaryInteger<T>
    {
        private readonly int[] _lengths;
        private readonly Dictionary<T, CountryInfo>[] _byLength;
        private readonly int _bits = T.Zero.GetByteCount() * 8;

        public PrefixTable(Dictionary<(int Prefix, T Network), CountryInfo> rules)
        {
            _lengths = [.. rules.Keys.Select(k => k.Prefix).Distinct().OrderDescending()];
            _byLength = new Dictionary<T, CountryInfo>[_lengths.Length];
            for (int i = 0; i < _lengths.Length; i++)
            {
                int length = _lengths[i];
                _byLength[i] = rules.Where(r => r.Key.Prefix == length).ToDictionary(r => r.Key.Network, r => r.Value);
            }
        }

        public bool TryLookup(T address, [NotNullWhen(true)] out CountryInfo? country)
        {
            for (int i = 0; i < _lengths.Length; i++)
                if (_byLength[i].TryGetValue(address & Mask(_lengths[i]), out country)) return true;
            country = null;
            return false;
        }

        // A /0 mask is zero; shifting by the full width is undefined for the shift operators, so it is special-cased.
        private T Mask(int prefix) => prefix == 0 ? T.Zero : ~T.Zero << (_bits - prefix);
    }
}
