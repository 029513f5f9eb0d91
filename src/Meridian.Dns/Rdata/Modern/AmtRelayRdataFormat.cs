using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>AMTRELAY (RFC 8777): "precedence discovery-bit relay-type relay"; relay types above 3 are
/// valid on the wire but have no text, so they print in the generic form.</summary>
public sealed class AmtRelayRdataFormat : RdataFormat
{
    public static AmtRelayRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadNumber(ref text, byte.MaxValue, out uint precedence, out error)) return false;
        if (!ModernFields.TryReadNumber(ref text, 1, out uint discovery, out error)) return false;
        if (!ModernFields.TryReadNumber(ref text, 0x7f, out uint relayType, out error)) return false;
        output.WriteByte((byte)precedence);
        output.WriteByte((byte)(relayType | (discovery << 7)));
        return GatewayText.TryWrite(ref text, (int)relayType, output, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 2) return false;
        int relayType = rdata[1] & 0x7f;
        if (relayType > 3) return GenericRdataFormat.Instance.TryFormat(rdata, output);
        var relay = rdata[2..];
        int length = GatewayText.MeasureWire(relayType, relay);
        if (length != relay.Length) return false;
        output.Append(rdata[0].ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append((rdata[1] >> 7).ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(relayType.ToString(CultureInfo.InvariantCulture)).Append(' ');
        GatewayText.Append(output, relayType, relay);
        return true;
    }
}
