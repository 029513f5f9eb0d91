using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata.Modern;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Svcb;

/// <summary>SVCB and HTTPS (RFC 9460): "priority target key=value…", read and printed as BIND 9.18 does —
/// parameters sorted by key, BIND's refusals and messages, alpn quoted with its comma escapes.</summary>
public sealed class SvcbRdataFormat : RdataFormat
{
    public static SvcbRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadNumber(ref text, ushort.MaxValue, out uint priority, out error)) return false;
        if (!text.TryRead(out var targetText))
        {
            error = ModernFields.UnexpectedEnd;
            return false;
        }
        // BIND takes the target as a possibly quoted string; an empty one is a missing one.
        if (targetText.IsEmpty)
        {
            error = ModernFields.UnexpectedEnd;
            return false;
        }
        if (!DnsName.TryParse(targetText, text.Origin, out var target, out error)) return false;
        output.WriteUInt16((ushort)priority);
        output.WriteName(target);

        var values = new RdataBuilder();
        var parameters = new List<(ushort Key, int Start, int Length)>();
        while (text.HasMore)
        {
            if (!TryReadParameter(ref text, out var keyText, out var value, out error)) return false;
            int before = values.Length;
            if (!SvcbParamText.TryWrite(keyText, value, values, out ushort key, out error)) return false;
            parameters.Add((key, before + 4, values.Length - before - 4));
        }
        var order = new List<int>(parameters.Count);
        error = SvcbWireRules.CheckTextOrder(parameters, values.Written, order);
        if (error is not null) return false;
        foreach (int n in order)
        {
            var (key, start, length) = parameters[n];
            output.WriteUInt16(key);
            output.WriteUInt16((ushort)length);
            output.WriteBytes(values.Written.Slice(start, length));
        }
        if (output.Overflowed)
        {
            error = ModernFields.NoSpace;
            return false;
        }
        return true;
    }

    /// <summary>Splits one parameter token into key text and value text. A value may be written
    /// key="…" (one token with its quotes) or, from a lexer that ends a token at a quote, as "key="
    /// followed directly by a quoted token. A token quoted as a whole is refused, as BIND does.</summary>
    private static bool TryReadParameter(ref RdataTextReader text, out ReadOnlySpan<byte> keyText, out ReadOnlySpan<byte> value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        text.TryRead(out var token, out bool quoted);
        keyText = token;
        if (quoted)
        {
            error = ModernFields.UnexpectedToken;
            return false;
        }
        int equals = token.IndexOf((byte)'=');
        error = null;
        if (equals < 0) return true;
        keyText = token[..equals];
        value = token[(equals + 1)..];
        if (value.IsEmpty)
        {
            var previous = text.ErrorToken;
            if (text.TryPeek(out _, out bool nextQuoted) && nextQuoted)
            {
                text.TryRead(out var next, out _);
                var current = text.ErrorToken;
                if (current.Line == previous.Line && current.Start == previous.Start + previous.Length + 1) value = next;
                else text.Position--;
            }
            return true;
        }
        if (value[0] != (byte)'"') return true;
        if (value.Length < 2 || value[^1] != (byte)'"')
        {
            error = ModernFields.SyntaxError;
            return false;
        }
        value = value[1..^1];
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (!SvcbWireRules.TryValidate(rdata, asFromText: true, out int i)) return false;
        output.Append(BinaryPrimitives.ReadUInt16BigEndian(rdata).ToString(CultureInfo.InvariantCulture)).Append(' ');
        DnsName.AppendPresentation(output, rdata[2..i], omitFinalDot: false);
        while (i < rdata.Length)
        {
            ushort key = BinaryPrimitives.ReadUInt16BigEndian(rdata[i..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(rdata[(i + 2)..]);
            SvcbParamText.Append(output, key, rdata.Slice(i + 4, length));
            i += 4 + length;
        }
        return true;
    }
}
