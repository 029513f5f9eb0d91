using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>Data that is one non-empty base64 blob, possibly split over several tokens: HHIT and BRID
/// (the DRIP drafts BIND 9.18 implements). Printed in 56-character groups as BIND's dumps do.</summary>
public sealed class Base64RdataFormat : RdataFormat
{
    public static Base64RdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        bool parsed = ModernBase64.TryReadTokens(ref text, output, requireData: true, out error);
        return ModernFields.CheckSpace(output, parsed, ref error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.IsEmpty) return false;
        ModernBase64.Append(output, rdata, ModernBase64.DumpChunk);
        return true;
    }
}
