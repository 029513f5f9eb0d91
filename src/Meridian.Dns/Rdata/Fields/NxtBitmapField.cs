using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>NXT's flat type bitmap.</summary>
internal sealed class NxtBitmapField : RdataField
{
    public static NxtBitmapField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error) =>
        TypeBitmaps.TryReadNxt(ref text, output, out error);

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        var bitmap = rdata[offset..];
        if (!TypeBitmaps.IsValidNxt(bitmap)) return false;
        TypeBitmaps.AppendNxt(output, bitmap);
        offset = rdata.Length;
        return true;
    }
}
