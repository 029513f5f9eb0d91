using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>NSEC3 and NSEC3PARAM salt: a length octet and up to 255 octets, written as one hex token or
/// <c>-</c> when empty.</summary>
internal sealed class SaltField : RdataField
{
    public static SaltField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        int lengthAt = output.Length;
        output.WriteByte(0);
        if (token.SequenceEqual("-"u8)) return true;
        if (!HexText.TryDecodeToken(token, output))
        {
            error = BadHex;
            return false;
        }
        int length = output.Length - lengthAt - 1;
        if (length > byte.MaxValue)
        {
            error = TextTooLong;
            return false;
        }
        if (!output.Overflowed) output.PatchByte(lengthAt, (byte)length);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!CharacterStrings.TryRead(rdata, ref offset, out var salt)) return false;
        if (salt.IsEmpty) output.Append('-');
        else TextEncodings.AppendHex(output, salt);
        return true;
    }
}
