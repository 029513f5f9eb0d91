using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>A type whose presentation is its fields in wire order separated by spaces (MX, SRV, DS, RRSIG…).</summary>
internal sealed class FieldSequenceFormat : RdataFormat
{
    private readonly RdataField[] _fields;

    public FieldSequenceFormat(params RdataField[] fields) => _fields = fields;

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        int start = output.Length;
        foreach (var field in _fields)
        {
            if (!field.TryParse(ref text, output, start, out error)) return false;
        }
        error = null;
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        int offset = 0;
        for (int i = 0; i < _fields.Length; i++)
        {
            int mark = output.Length;
            if (i > 0) output.Append(' ');
            if (!_fields[i].TryFormat(rdata, ref offset, output)) return false;
            // A field with nothing to show (SINK without data) leaves no stray space.
            if (i > 0 && output.Length == mark + 1) output.Length = mark;
        }
        return offset == rdata.Length;
    }
}
