using System.Globalization;
using System.Text;
using Meridian.Dns.Records;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>Type lists of NSEC, NSEC3 and CSYNC (RFC 4034 §4.1.2 windowed bitmaps) and of the obsolete
/// NXT (RFC 2535 §5.2: one flat bitmap of types 1–127).</summary>
public static class TypeBitmaps
{
    private const int NxtMaxType = 127;

    /// <summary>Reads type mnemonics (or TYPEnnn) from all remaining tokens and appends the windowed bitmap.
    /// Repeats are allowed; no tokens makes an empty bitmap.</summary>
    public static bool TryRead(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        Span<byte> bits = stackalloc byte[8192];
        bits.Clear();
        Span<bool> windows = stackalloc bool[256];
        windows.Clear();
        while (text.HasMore)
        {
            if (!TryReadType(ref text, allowNumber: false, out uint type, out error)) return false;
            bits[(int)(type >> 3)] |= (byte)(0x80 >> (int)(type & 7));
            windows[(int)(type >> 8)] = true;
        }
        for (int window = 0; window < 256; window++)
        {
            if (!windows[window]) continue;
            var block = bits.Slice(window * 32, 32);
            int length = block.LastIndexOfAnyExcept((byte)0) + 1;
            output.WriteByte((byte)window);
            output.WriteByte((byte)length);
            output.WriteBytes(block[..length]);
        }
        error = null;
        return true;
    }

    /// <summary>Reads a mnemonic or TYPEnnn; NXT also takes a bare number, as BIND prints it.</summary>
    private static bool TryReadType(ref RdataTextReader text, bool allowNumber, out uint type, out string? error)
    {
        type = 0;
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (DnsTypeNames.TryParse(token, out var parsed))
        {
            type = (ushort)parsed;
            return true;
        }
        if (allowNumber && RdataTokens.TryParseDecimal(token, out ulong number))
        {
            type = (uint)Math.Min(number, uint.MaxValue);
            return true;
        }
        error = UnknownMnemonic;
        return false;
    }

    /// <summary>True when the octets are a well-formed windowed bitmap: windows in increasing order, each
    /// 1–32 octets long with a non-zero last octet.</summary>
    public static bool IsValid(ReadOnlySpan<byte> bitmap, bool allowEmpty)
    {
        if (bitmap.IsEmpty) return allowEmpty;
        int previous = -1;
        int i = 0;
        while (i < bitmap.Length)
        {
            if (i + 2 > bitmap.Length) return false;
            int window = bitmap[i], length = bitmap[i + 1];
            if (window <= previous || length is 0 or > 32 || i + 2 + length > bitmap.Length) return false;
            if (bitmap[i + 1 + length] == 0) return false;
            previous = window;
            i += 2 + length;
        }
        return true;
    }

    /// <summary>Appends the types of a bitmap already checked with <see cref="IsValid"/>, space-separated.</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<byte> bitmap)
    {
        bool first = true;
        for (int i = 0; i + 1 < bitmap.Length; i += 2 + bitmap[i + 1])
        {
            int window = bitmap[i];
            var block = bitmap.Slice(i + 2, Math.Min(bitmap[i + 1], bitmap.Length - i - 2));
            for (int octet = 0; octet < block.Length; octet++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    if ((block[octet] & (0x80 >> bit)) == 0) continue;
                    var type = (DnsType)(window * 256 + octet * 8 + bit);
                    if (!first) output.Append(' ');
                    output.Append(DnsTypeNames.ToName(type));
                    first = false;
                }
            }
        }
    }

    /// <summary>Reads NXT's type list from all remaining tokens: types 1–127 (mnemonics or numbers) in one bitmap.</summary>
    public static bool TryReadNxt(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        Span<byte> bits = stackalloc byte[16];
        bits.Clear();
        while (text.HasMore)
        {
            if (!TryReadType(ref text, allowNumber: true, out uint type, out error)) return false;
            if (type is 0 or > NxtMaxType)
            {
                error = OutOfRange;
                return false;
            }
            bits[(int)(type >> 3)] |= (byte)(0x80 >> (int)(type & 7));
        }
        output.WriteBytes(bits[..(bits.LastIndexOfAnyExcept((byte)0) + 1)]);
        error = null;
        return true;
    }

    /// <summary>True for an NXT bitmap: at most 16 octets, no type 0 (that bit marks another format), and
    /// a non-zero last octet.</summary>
    public static bool IsValidNxt(ReadOnlySpan<byte> bitmap) =>
        bitmap.IsEmpty || (bitmap.Length <= 16 && (bitmap[0] & 0x80) == 0 && bitmap[^1] != 0);

    /// <summary>Appends the types of an NXT bitmap, space-separated; types without a mnemonic print as plain
    /// numbers, as BIND prints them.</summary>
    public static void AppendNxt(StringBuilder output, ReadOnlySpan<byte> bitmap)
    {
        bool first = true;
        for (int type = 1; type < bitmap.Length * 8; type++)
        {
            if ((bitmap[type >> 3] & (0x80 >> (type & 7))) == 0) continue;
            if (!first) output.Append(' ');
            first = false;
            AppendTypeOrNumber(output, (DnsType)type);
        }
    }

    /// <summary>The type's mnemonic, or its number when it has none (SIG and NXT print unknown types so).</summary>
    public static void AppendTypeOrNumber(StringBuilder output, DnsType type)
    {
        string name = DnsTypeNames.ToName(type);
        if (type == DnsType.None || name.StartsWith("TYPE", StringComparison.Ordinal))
            output.Append(((ushort)type).ToString(CultureInfo.InvariantCulture));
        else
            output.Append(name);
    }
}
