using System.Text;

namespace Meridian.Dns.Rdata;

/// <summary>RFC 4648 base32hex without padding, the form of NSEC3 hashed owner names. BIND reads either
/// case, refuses padding and non-zero trailing bits, and prints uppercase.</summary>
public static class Base32HexText
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    /// <summary>Decodes one token; false for a character outside the alphabet, a length no encoding
    /// produces, or trailing bits that are not zero.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> token, RdataBuilder output)
    {
        // Lengths that leave 1, 3 or 6 characters in the last group do not come from whole octets.
        int tail = token.Length % 8;
        if (token.IsEmpty || tail is 1 or 3 or 6) return false;
        int buffer = 0, bits = 0;
        foreach (byte c in token)
        {
            int value = Value(c);
            if (value < 0) return false;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.WriteByte((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return buffer == 0;
    }

    private static int Value(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'V' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'v' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>Appends uppercase base32hex without padding.</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<byte> data)
    {
        int buffer = 0, bits = 0;
        foreach (byte b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                output.Append(Alphabet[(buffer >> bits) & 31]);
            }
            buffer &= (1 << bits) - 1;
        }
        if (bits > 0) output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
    }
}
