using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>NSAP address (RFC 1706 §5): <c>0x</c> then hex digits, with dots anywhere after the prefix;
/// printed as <c>0x</c> and lowercase hex, as BIND prints it.</summary>
internal sealed class NsapField : RdataField
{
    public static NsapField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (token.Length < 2 || token[0] != (byte)'0' || (token[1] | 0x20) != (byte)'x')
        {
            error = Syntax;
            return false;
        }
        int pending = -1, count = 0;
        foreach (byte c in token[2..])
        {
            if (c == (byte)'.') continue;
            int nibble = TextEncodings.HexValue(c);
            if (nibble < 0)
            {
                error = Syntax;
                return false;
            }
            if (pending < 0)
            {
                pending = nibble;
                continue;
            }
            output.WriteByte((byte)((pending << 4) | nibble));
            pending = -1;
            count++;
        }
        if (pending >= 0 || count == 0)
        {
            error = UnexpectedEnd;
            return false;
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (offset >= rdata.Length) return false;
        output.Append("0x").Append(Convert.ToHexStringLower(rdata[offset..]));
        offset = rdata.Length;
        return true;
    }
}
