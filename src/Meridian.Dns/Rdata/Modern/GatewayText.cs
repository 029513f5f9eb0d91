using System.Diagnostics.CodeAnalysis;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>The gateway/relay field shared by IPSECKEY (RFC 4025) and AMTRELAY (RFC 8777): type 0 is
/// "." (none), 1 an IPv4 address, 2 an IPv6 address, 3 a domain name.</summary>
internal static class GatewayText
{
    public static bool TryWrite(ref RdataTextReader text, int gatewayType, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
        switch (gatewayType)
        {
            case 0:
                if (token.SequenceEqual("."u8)) return true;
                error = ModernFields.SyntaxError;
                return false;
            case 1:
                if (ModernAddressText.TryParseIPv4(token, output.Append(4))) return true;
                error = ModernFields.BadDottedQuad;
                return false;
            case 2:
                if (ModernAddressText.TryParseIPv6(token, output.Append(16))) return true;
                error = ModernFields.BadIPv6;
                return false;
            case 3:
                if (!DnsName.TryParse(token, text.Origin, out var name, out error)) return false;
                output.WriteName(name);
                return true;
            default:
                error = ModernFields.NotImplemented;
                return false;
        }
    }

    /// <summary>Octets the gateway takes at the start of <paramref name="data"/>, or -1 when it does not fit.</summary>
    public static int MeasureWire(int gatewayType, ReadOnlySpan<byte> data) => gatewayType switch
    {
        0 => 0,
        1 => data.Length >= 4 ? 4 : -1,
        2 => data.Length >= 16 ? 16 : -1,
        3 => WireNames.TryGetLength(data, 0, out int length) ? length : -1,
        _ => -1,
    };

    public static void Append(StringBuilder output, int gatewayType, ReadOnlySpan<byte> gateway)
    {
        switch (gatewayType)
        {
            case 0: output.Append('.'); break;
            case 1: ModernAddressText.AppendIPv4(output, gateway); break;
            case 2: ModernAddressText.AppendIPv6(output, gateway); break;
            default: DnsName.AppendPresentation(output, gateway, omitFinalDot: false); break;
        }
    }
}
