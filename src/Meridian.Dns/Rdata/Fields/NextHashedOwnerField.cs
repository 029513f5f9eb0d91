using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>NSEC3 next hashed owner name: a length octet and 1–39 octets (what fits a 63-character
/// label), exactly 20 for SHA-1; written as one base32hex token.</summary>
internal sealed class NextHashedOwnerField : RdataField
{
    private const int MaxLength = 39;
    private const int Sha1Length = 20;

    public static NextHashedOwnerField Instance { get; } = new();

    private static bool LengthFits(byte hashAlgorithm, int length) =>
        length is >= 1 and <= MaxLength && (hashAlgorithm != 1 || length == Sha1Length);

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        int lengthAt = output.Length;
        output.WriteByte(0);
        if (!Base32HexText.TryDecode(token, output))
        {
            error = BadBase32;
            return false;
        }
        int length = output.Length - lengthAt - 1;
        if (output.Overflowed || !LengthFits(output.Written[rdataStart], length))
        {
            error = OutOfRange;
            return false;
        }
        output.PatchByte(lengthAt, (byte)length);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!CharacterStrings.TryRead(rdata, ref offset, out var hash) || !LengthFits(rdata[0], hash.Length)) return false;
        Base32HexText.Append(output, hash);
        return true;
    }
}
