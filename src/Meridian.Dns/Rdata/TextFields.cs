using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>An uncompressed domain name, relative names completed with the origin, printed absolute.</summary>
internal sealed class NameField : RdataField
{
    public static NameField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnsName.TryParse(token, text.Origin, out var name, out error)) return false;
        output.WriteName(name);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNames.TryGetLength(rdata, offset, out int length)) return false;
        DnsName.AppendPresentation(output, rdata.Slice(offset, length), omitFinalDot: false);
        offset += length;
        return true;
    }
}

/// <summary>RRSIG signer: a name with no more labels than the record's labels field (octet 3), since the
/// signer is the owner or an ancestor; BIND refuses others ("out of range").</summary>
internal sealed class SignerNameField : RdataField
{
    private const int LabelsOffset = 3;

    public static SignerNameField Instance { get; } = new();

    private static bool Fits(ReadOnlySpan<byte> rdata, ReadOnlySpan<byte> name)
    {
        int labels = 0;
        for (int i = 0; name[i] != 0; i += name[i] + 1) labels++;
        return rdata.Length > LabelsOffset && labels <= rdata[LabelsOffset];
    }

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnsName.TryParse(token, text.Origin, out var name, out error)) return false;
        if (!Fits(output.Written[rdataStart..], name.Wire))
        {
            error = OutOfRange;
            return false;
        }
        output.WriteName(name);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNames.TryGetLength(rdata, offset, out int length) || !Fits(rdata, rdata.Slice(offset, length))) return false;
        return NameField.Instance.TryFormat(rdata, ref offset, output);
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

/// <summary>One or more character-strings filling the rest of the data (TXT, SPF, NINFO).</summary>
internal sealed class CharacterStringListField : RdataField
{
    public static CharacterStringListField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!text.HasMore)
        {
            error = UnexpectedEnd;
            return false;
        }
        while (text.HasMore)
        {
            if (!CharacterStrings.TryParse(ref text, output, out error)) return false;
        }
        error = null;
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (offset >= rdata.Length) return false;
        for (bool first = true; offset < rdata.Length; first = false)
        {
            if (!CharacterStrings.TryRead(rdata, ref offset, out var value)) return false;
            if (!first) output.Append(' ');
            CharacterStrings.AppendQuoted(output, value);
        }
        return true;
    }
}

/// <summary>Text without a length octet that fills the rest of the data (URI target, CAA value): one token,
/// no 255-octet limit. URI insists on quotes; CAA takes the value either way.</summary>
internal sealed class RemainingTextField(bool mustBeQuoted) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!text.TryRead(out var raw, out bool quoted))
        {
            error = UnexpectedEnd;
            return false;
        }
        if (mustBeQuoted && !quoted)
        {
            error = Syntax;
            return false;
        }
        return CharacterStrings.TryDecode(raw, output, RdataBuilder.MaxLength, out _, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        CharacterStrings.AppendQuoted(output, rdata[offset..]);
        offset = rdata.Length;
        return true;
    }
}

/// <summary>CAA property tag (RFC 8659 §4.1): a length octet and 1–255 ASCII letters and digits, unquoted.</summary>
internal sealed class CaaTagField : RdataField
{
    public static CaaTagField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!IsTag(token))
        {
            error = token.Length > CharacterStrings.MaxLength ? OutOfRange : Syntax;
            return false;
        }
        output.WriteByte((byte)token.Length);
        output.WriteBytes(token);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!CharacterStrings.TryRead(rdata, ref offset, out var tag) || tag.IsEmpty || !IsTag(tag)) return false;
        foreach (byte c in tag) output.Append((char)c);
        return true;
    }

    private static bool IsTag(ReadOnlySpan<byte> tag)
    {
        if (tag.Length > CharacterStrings.MaxLength) return false;
        foreach (byte c in tag)
        {
            if (!char.IsAsciiLetterOrDigit((char)c)) return false;
        }
        return true;
    }
}

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
