using System.Globalization;
using System.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>The mnemonics BIND accepts in DNSSEC-era fields (algorithms, digest types, key protocols and
/// flags, CERT types) in place of numbers. Numbers are always accepted too.</summary>
public static class DnssecMnemonics
{
    private static readonly (string Name, ushort Value)[] s_algorithms =
    [
        ("RSAMD5", 1), ("DH", 2), ("DSA", 3), ("RSASHA1", 5), ("NSEC3DSA", 6), ("NSEC3RSASHA1", 7),
        ("RSASHA256", 8), ("RSASHA512", 10), ("ECCGOST", 12), ("ECDSAP256SHA256", 13),
        ("ECDSAP384SHA384", 14), ("ED25519", 15), ("ED448", 16), ("INDIRECT", 252),
        ("PRIVATEDNS", 253), ("PRIVATEOID", 254),
    ];

    private static readonly (string Name, ushort Value)[] s_digestTypes =
    [
        ("SHA-1", 1), ("SHA1", 1), ("SHA-256", 2), ("SHA256", 2), ("GOST", 3), ("SHA-384", 4), ("SHA384", 4),
    ];

    private static readonly (string Name, ushort Value)[] s_keyProtocols =
    [
        ("NONE", 0), ("TLS", 1), ("EMAIL", 2), ("DNSSEC", 3), ("IPSEC", 4), ("ALL", 255),
    ];

    private static readonly (string Name, ushort Value)[] s_nsec3HashAlgorithms = [("SHA-1", 1)];

    private static readonly (string Name, ushort Value)[] s_certTypes =
    [
        ("PKIX", 1), ("SPKI", 2), ("PGP", 3), ("IPKIX", 4), ("ISPKI", 5), ("IPGP", 6), ("ACPKIX", 7),
        ("IACPKIX", 8), ("URI", 253), ("OID", 254),
    ];

    // RFC 2535 §3.1.2 flag names, as the obsolete KEY syntax spells them; KSK is BIND's addition.
    private static readonly (string Name, ushort Value)[] s_keyFlags = BuildKeyFlags();

    private static (string, ushort)[] BuildKeyFlags()
    {
        var flags = new List<(string, ushort)>
        {
            ("NOCONF", 0x4000), ("NOAUTH", 0x8000), ("NOKEY", 0xC000), ("FLAG2", 0x2000), ("EXTEND", 0x1000),
            ("FLAG4", 0x0800), ("FLAG5", 0x0400), ("USER", 0x0000), ("ZONE", 0x0100), ("HOST", 0x0200),
            ("NTYP3", 0x0300), ("FLAG8", 0x0080), ("FLAG9", 0x0040), ("FLAG10", 0x0020), ("FLAG11", 0x0010),
            ("KSK", 0x0001),
        };
        for (ushort i = 0; i < 16; i++) flags.Add(("SIG" + i.ToString(CultureInfo.InvariantCulture), i));
        return [.. flags];
    }

    /// <summary>Kinds of mnemonic field.</summary>
    public enum Kind
    {
        Algorithm,
        DigestType,
        KeyProtocol,
        Nsec3HashAlgorithm,
        CertType,
    }

    /// <summary>Parses a number (at most <paramref name="max"/>) or one of the kind's mnemonics.</summary>
    public static bool TryParse(Kind kind, ReadOnlySpan<byte> token, uint max, out uint value, out string? error)
    {
        value = 0;
        if (!token.IsEmpty && RdataTokens.IsDigit(token[0]))
        {
            if (!RdataTokens.TryParseDecimal(token, out ulong number))
            {
                error = UnknownMnemonic;
                return false;
            }
            if (number > max)
            {
                error = OutOfRange;
                return false;
            }
            value = (uint)number;
            error = null;
            return true;
        }
        foreach (var (name, code) in Table(kind))
        {
            if (Ascii.EqualsIgnoreCase(token, name))
            {
                value = code;
                error = null;
                return true;
            }
        }
        error = UnknownMnemonic;
        return false;
    }

    /// <summary>Appends the mnemonic BIND prints for a value of the kind, or the number.</summary>
    public static void Append(Kind kind, StringBuilder output, uint value)
    {
        foreach (var (name, code) in Table(kind))
        {
            if (code == value)
            {
                output.Append(name);
                return;
            }
        }
        output.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private static (string Name, ushort Value)[] Table(Kind kind) => kind switch
    {
        Kind.Algorithm => s_algorithms,
        Kind.DigestType => s_digestTypes,
        Kind.KeyProtocol => s_keyProtocols,
        Kind.Nsec3HashAlgorithm => s_nsec3HashAlgorithms,
        _ => s_certTypes,
    };

    /// <summary>KEY/DNSKEY flags: decimal, <c>0x</c> hex, or flag names joined by <c>|</c>.</summary>
    public static bool TryParseKeyFlags(ReadOnlySpan<byte> token, out ushort flags, out string? error)
    {
        flags = 0;
        if (!token.IsEmpty && RdataTokens.IsDigit(token[0]))
        {
            ulong value = 0;
            bool hex = token.Length > 2 && token[0] == (byte)'0' && (token[1] | 0x20) == (byte)'x';
            if (hex)
            {
                foreach (byte c in token[2..])
                {
                    int nibble = Text.TextEncodings.HexValue(c);
                    if (nibble < 0)
                    {
                        error = UnknownFlag;
                        return false;
                    }
                    value = Math.Min(value * 16 + (uint)nibble, uint.MaxValue + 1UL);
                }
            }
            else if (!RdataTokens.TryParseDecimal(token, out value))
            {
                error = UnknownFlag;
                return false;
            }
            if (value > ushort.MaxValue)
            {
                error = OutOfRange;
                return false;
            }
            flags = (ushort)value;
            error = null;
            return true;
        }
        foreach (var part in token.Split((byte)'|'))
        {
            var name = token[part];
            bool found = false;
            foreach (var (flagName, bits) in s_keyFlags)
            {
                if (Ascii.EqualsIgnoreCase(name, flagName))
                {
                    flags |= bits;
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                error = UnknownFlag;
                return false;
            }
        }
        error = null;
        return true;
    }
}
