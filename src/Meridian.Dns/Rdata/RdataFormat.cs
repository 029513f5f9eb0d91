using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata;

/// <summary>The presentation and wire forms of one record type's data. Implementations are stateless
/// singletons; they never throw for bad input but return false with a message.</summary>
public abstract class RdataFormat
{
    /// <summary>Reads presentation tokens and appends the wire form. Leaving tokens unread is the
    /// caller's error to report ("extra input text"), so a parser reads only what its type takes.</summary>
    public abstract bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error);

    /// <summary>Appends the presentation form of wire RDATA as BIND prints it; false when the octets are
    /// not valid data of this type.</summary>
    public abstract bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output);
}
