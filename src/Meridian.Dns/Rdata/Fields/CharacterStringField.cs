using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>One character-string (HINFO, NAPTR, X25, ISDN, GPOS fields); <paramref name="optional"/> when the
/// field may be absent at the end of the data (ISDN's subaddress).</summary>
internal sealed class CharacterStringField(StringRule rule = StringRule.None, bool optional = false) : RdataField
{
    public static CharacterStringField Plain { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (optional && !text.HasMore)
        {
            error = null;
            return true;
        }
        if (!text.TryRead(out var raw))
        {
            error = UnexpectedEnd;
            return false;
        }
        if (rule == StringRule.X25Address)
        {
            // BIND checks the token as written, before escapes are decoded.
            if (raw.Length < 4)
            {
                error = Syntax;
                return false;
            }
            if (raw.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                error = OutOfRange;
                return false;
            }
        }
        int start = output.Length;
        if (!CharacterStrings.TryAppend(raw, output, out error)) return false;
        if (rule == StringRule.NaptrRegexp && !output.Overflowed && !NaptrRegexp.IsValid(output.Written[(start + 1)..]))
        {
            error = Syntax;
            return false;
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (optional && offset == rdata.Length) return true;
        if (!CharacterStrings.TryRead(rdata, ref offset, out var value)) return false;
        if (rule == StringRule.X25Address && (value.Length < 4 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))) return false;
        if (rule == StringRule.NaptrRegexp && !NaptrRegexp.IsValid(value)) return false;
        CharacterStrings.AppendQuoted(output, value);
        return true;
    }
}

/// <summary>Extra rules some character-strings carry.</summary>
internal enum StringRule
{
    None,

    /// <summary>X25 PSDN address (RFC 1183 §3.1): at least four decimal digits.</summary>
    X25Address,

    /// <summary>NAPTR regexp field (RFC 3403 §4.1), checked as BIND checks it.</summary>
    NaptrRegexp,
}
