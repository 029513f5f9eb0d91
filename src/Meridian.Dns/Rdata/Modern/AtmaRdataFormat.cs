using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>ATMA (ATM Forum AF-DANS-0152): an AESA address in hex (format 0) or an E.164 number written
/// "+digits" (format 1); '.' may separate digit groups. Other formats print in the generic form.</summary>
public sealed class AtmaRdataFormat : RdataFormat
{
    public static AtmaRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
        if (token.IsEmpty)
        {
            error = ModernFields.UnexpectedEnd;
            return false;
        }
        bool e164 = token[0] == (byte)'+';
        output.WriteByte(e164 ? (byte)1 : (byte)0);
        bool lastWasPeriod = true;
        int digits = 0, octet = 0;
        bool wroteOctet = false;
        foreach (byte c in e164 ? token[1..] : token)
        {
            if (c == (byte)'.')
            {
                if (lastWasPeriod) { error = ModernFields.SyntaxError; return false; }
                lastWasPeriod = true;
                continue;
            }
            lastWasPeriod = false;
            if (e164)
            {
                if (!ModernFields.IsDigit(c)) { error = ModernFields.SyntaxError; return false; }
                output.WriteByte(c);
                continue;
            }
            int nibble = TextEncodings.HexValue(c);
            if (nibble < 0) { error = ModernFields.SyntaxError; return false; }
            octet = (octet << 4) | nibble;
            if (++digits == 2)
            {
                output.WriteByte((byte)octet);
                wroteOctet = true;
                digits = 0;
                octet = 0;
            }
        }
        if (lastWasPeriod || (!e164 && (digits != 0 || !wroteOctet)))
        {
            error = ModernFields.UnexpectedEnd;
            return false;
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 2) return false;
        switch (rdata[0])
        {
            case 0:
                foreach (byte b in rdata[1..]) output.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                return true;
            case 1:
                foreach (byte b in rdata[1..])
                {
                    if (!ModernFields.IsDigit(b)) return false;
                }
                output.Append('+').Append(Encoding.ASCII.GetString(rdata[1..]));
                return true;
            default:
                // BIND accepts other formats but has no text for them.
                return GenericRdataFormat.Instance.TryFormat(rdata, output);
        }
    }
}
