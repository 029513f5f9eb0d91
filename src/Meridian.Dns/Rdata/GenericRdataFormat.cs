using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata;

/// <summary>The RFC 3597 form any type can be written in: <c>\# LENGTH HEX…</c>.</summary>
public sealed class GenericRdataFormat : RdataFormat
{
    public static GenericRdataFormat Instance { get; } = new();

    /// <summary>True when the next token is the <c>\#</c> marker (unquoted).</summary>
    public static bool StartsGeneric(in RdataTextReader text) =>
        text.TryPeek(out var token, out bool quoted) && !quoted && token.SequenceEqual(@"\#"u8);

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!text.TryRead(out var marker, out bool quoted) || quoted || !marker.SequenceEqual(@"\#"u8))
        {
            error = "expected \\# (RFC 3597 generic data)";
            return false;
        }
        if (!text.TryRead(out var lengthText) || !TextNumbers.TryParseUInt32(lengthText, out uint length) || length > RdataBuilder.MaxLength)
        {
            error = "bad generic data length";
            return false;
        }
        int start = output.Length;
        if (!TextEncodings.TryReadHexTokens(ref text, output, out error)) return false;
        if (output.Length - start != length)
        {
            error = length == 0 && output.Length == start ? null : "generic data length does not match the data";
            if (error is not null) return false;
        }
        error = null;
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        output.Append(@"\# ").Append(rdata.Length.ToString(CultureInfo.InvariantCulture));
        if (rdata.Length > 0)
        {
            output.Append(' ');
            TextEncodings.AppendHex(output, rdata);
        }
        return true;
    }
}
