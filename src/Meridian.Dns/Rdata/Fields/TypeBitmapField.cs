using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>The type list that ends NSEC, NSEC3 and CSYNC; only NSEC's may not be empty.</summary>
internal sealed class TypeBitmapField(bool allowEmpty) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!allowEmpty && !text.HasMore)
        {
            error = FormatError;
            return false;
        }
        return TypeBitmaps.TryRead(ref text, output, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        var bitmap = rdata[offset..];
        if (!TypeBitmaps.IsValid(bitmap, allowEmpty)) return false;
        TypeBitmaps.Append(output, bitmap);
        offset = rdata.Length;
        return true;
    }
}
