using System.Globalization;
using System.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>IP addresses in record data exactly as BIND reads (inet_pton: four decimal octets without
/// leading zeros; RFC 4291 IPv6 text) and prints them. IPv6 output differs from .NET's
/// <see cref="System.Net.IPAddress.ToString()"/>: only ::a.b.c.d and ::ffff:a.b.c.d get a dotted tail,
/// also when the last 32 bits are small (::ffff:0.0.0.1), and SIIT/ISATAP forms stay in hex.</summary>
internal static class ModernAddressText
{
    public static bool TryParseIPv4(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        Span<byte> octets = stackalloc byte[4];
        int count = 0;
        int value = 0;
        bool sawDigit = false;
        foreach (byte c in text)
        {
            if (ModernFields.IsDigit(c))
            {
                if (sawDigit && value == 0) return false;
                value = value * 10 + (c - '0');
                if (value > 255) return false;
                if (!sawDigit)
                {
                    if (++count > 4) return false;
                    sawDigit = true;
                }
                octets[count - 1] = (byte)value;
            }
            else if (c == (byte)'.' && sawDigit)
            {
                if (count == 4) return false;
                sawDigit = false;
                value = 0;
            }
            else
            {
                return false;
            }
        }
        if (count < 4 || !sawDigit) return false;
        octets.CopyTo(destination);
        return true;
    }

    public static bool TryParseIPv6(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        Span<byte> address = stackalloc byte[16];
        address.Clear();
        int i = 0;
        if (text.IsEmpty) return false;
        if (text[0] == (byte)':')
        {
            i++;
            if (i == text.Length || text[i] != (byte)':') return false;
        }
        int written = 0;
        int compressAt = -1;
        int groupStart = i;
        int digits = 0;
        int value = 0;
        bool dottedTail = false;
        while (i < text.Length)
        {
            byte c = text[i++];
            int digit = HexValue(c);
            if (digit >= 0)
            {
                if (digits == 4) return false;
                value = (value << 4) | digit;
                digits++;
                continue;
            }
            if (c == (byte)':')
            {
                groupStart = i;
                if (digits == 0)
                {
                    if (compressAt >= 0) return false;
                    compressAt = written;
                    continue;
                }
                if (i == text.Length || written + 2 > 16) return false;
                address[written++] = (byte)(value >> 8);
                address[written++] = (byte)value;
                digits = 0;
                value = 0;
                continue;
            }
            if (c == (byte)'.' && written + 4 <= 16 && TryParseIPv4(text[groupStart..], address.Slice(written, 4)))
            {
                written += 4;
                digits = 0;
                dottedTail = true;
                break;
            }
            return false;
        }
        if (digits > 0 && !dottedTail)
        {
            if (written + 2 > 16) return false;
            address[written++] = (byte)(value >> 8);
            address[written++] = (byte)value;
        }
        if (compressAt >= 0)
        {
            if (written == 16) return false;
            int tail = written - compressAt;
            address.Slice(compressAt, tail).CopyTo(address.Slice(16 - tail));
            address.Slice(compressAt, 16 - tail - compressAt).Clear();
            written = 16;
        }
        if (written != 16) return false;
        address.CopyTo(destination);
        return true;
    }

    public static void AppendIPv4(StringBuilder output, ReadOnlySpan<byte> address)
    {
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) output.Append('.');
            output.Append(address[i].ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>inet_ntop's IPv6 form: the first longest run of two or more zero groups becomes "::".</summary>
    public static void AppendIPv6(StringBuilder output, ReadOnlySpan<byte> address)
    {
        Span<int> words = stackalloc int[8];
        for (int i = 0; i < 8; i++) words[i] = (address[2 * i] << 8) | address[2 * i + 1];
        int bestBase = -1, bestLength = 0, runBase = -1, runLength = 0;
        for (int i = 0; i < 8; i++)
        {
            if (words[i] == 0)
            {
                if (runBase < 0) { runBase = i; runLength = 1; }
                else runLength++;
            }
            else if (runBase >= 0)
            {
                if (bestBase < 0 || runLength > bestLength) { bestBase = runBase; bestLength = runLength; }
                runBase = -1;
            }
        }
        if (runBase >= 0 && (bestBase < 0 || runLength > bestLength)) { bestBase = runBase; bestLength = runLength; }
        if (bestBase >= 0 && bestLength < 2) bestBase = -1;

        for (int i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength)
            {
                if (i == bestBase) output.Append(':');
                continue;
            }
            if (i != 0) output.Append(':');
            if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff)))
            {
                AppendIPv4(output, address[12..]);
                return;
            }
            output.Append(words[i].ToString("x", CultureInfo.InvariantCulture));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) output.Append(':');
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
