using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>IPSECKEY (RFC 4025): "precedence gateway-type algorithm gateway public-key"; the key is
/// required and printed in BIND's 56-character groups.</summary>
public sealed class IpsecKeyRdataFormat : RdataFormat
{
    public static IpsecKeyRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadNumber(ref text, byte.MaxValue, out uint precedence, out error)) return false;
        if (!ModernFields.TryReadNumber(ref text, 3, out uint gatewayType, out error)) return false;
        if (!ModernFields.TryReadNumber(ref text, byte.MaxValue, out uint algorithm, out error)) return false;
        output.WriteByte((byte)precedence);
        output.WriteByte((byte)gatewayType);
        output.WriteByte((byte)algorithm);
        if (!GatewayText.TryWrite(ref text, (int)gatewayType, output, out error)) return false;
        bool parsed = ModernBase64.TryReadTokens(ref text, output, requireData: true, out error);
        return ModernFields.CheckSpace(output, parsed, ref error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 3) return false;
        int gatewayType = rdata[1];
        int gatewayLength = GatewayText.MeasureWire(gatewayType, rdata[3..]);
        if (gatewayLength < 0 || 3 + gatewayLength >= rdata.Length) return false;
        output.Append(rdata[0].ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(gatewayType.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(rdata[2].ToString(CultureInfo.InvariantCulture)).Append(' ');
        GatewayText.Append(output, gatewayType, rdata.Slice(3, gatewayLength));
        output.Append(' ');
        ModernBase64.Append(output, rdata[(3 + gatewayLength)..], ModernBase64.DumpChunk);
        return true;
    }
}
