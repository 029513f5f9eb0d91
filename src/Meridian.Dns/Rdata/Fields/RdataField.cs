using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>One field of a record type whose data is a sequence of fields (<see cref="FieldSequenceFormat"/>).
/// A field may look back at fields before it (a digest's length depends on its digest type), which is why
/// both methods see the whole record's data.</summary>
internal abstract class RdataField
{
    /// <summary>Reads the field's tokens and appends its wire form; the record's data began at
    /// <paramref name="rdataStart"/> in <paramref name="output"/>.</summary>
    public abstract bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error);

    /// <summary>Appends the presentation of the field at <paramref name="offset"/> and moves past it; false
    /// when the octets there are not valid for the field.</summary>
    public abstract bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output);
}
