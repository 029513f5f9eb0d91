using System.Net.Sockets;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata;

/// <summary>A (RFC 1035 dotted quad) and AAAA (RFC 4291 text, printed RFC 5952 style).</summary>
public sealed class AddressRdataFormat : RdataFormat
{
    public static AddressRdataFormat IPv4 { get; } = new(AddressFamily.InterNetwork);
    public static AddressRdataFormat IPv6 { get; } = new(AddressFamily.InterNetworkV6);

    private readonly AddressFamily _family;

    private AddressRdataFormat(AddressFamily family) => _family = family;

    private int Length => _family == AddressFamily.InterNetwork ? 4 : 16;

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!text.TryRead(out var token) || !TryParseAddress(token, _family, output.Append(Length)))
        {
            error = _family == AddressFamily.InterNetwork ? "bad dotted quad" : "bad IPv6 address";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>Parses strictly, as BIND's inet_pton does: IPv4 must be four decimal octets (no
    /// shorthand), IPv6 has no zone id.</summary>
    public static bool TryParseAddress(ReadOnlySpan<byte> text, AddressFamily family, Span<byte> destination) =>
        family == AddressFamily.InterNetwork
            ? Modern.ModernAddressText.TryParseIPv4(text, destination)
            : Modern.ModernAddressText.TryParseIPv6(text, destination);

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length != Length) return false;
        // BIND's text (RFC 5952, with its own rules for embedded IPv4), not .NET's, so output matches.
        if (_family == AddressFamily.InterNetwork) Modern.ModernAddressText.AppendIPv4(output, rdata);
        else Modern.ModernAddressText.AppendIPv6(output, rdata);
        return true;
    }
}
