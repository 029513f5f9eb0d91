using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>Base64 filling the rest of the data; <paramref name="required"/> when it must hold at least
/// one octet (it may be empty only in SINK).</summary>
internal sealed class Base64Field(bool required = true) : RdataField
{
    public static Base64Field Required { get; } = new();
    public static Base64Field Optional { get; } = new(required: false);

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        int start = output.Length;
        if (!Base64Text.TryRead(ref text, output, required, out error)) return false;
        if (required && output.Length == start)
        {
            error = UnexpectedEnd;
            return false;
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (required && offset >= rdata.Length) return false;
        Base64Text.Append(output, rdata[offset..]);
        offset = rdata.Length;
        return true;
    }
}
