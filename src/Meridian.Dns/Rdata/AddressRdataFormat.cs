using System.Net;
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

    /// <summary>Parses strictly: IPv4 must be four decimal octets (no shorthand), IPv6 no zone id.</summary>
    public static bool TryParseAddress(ReadOnlySpan<byte> text, AddressFamily family, Span<byte> destination)
    {
        if (family == AddressFamily.InterNetwork)
        {
            int part = 0, digits = 0, value = 0;
            foreach (byte c in text)
            {
                if (c == (byte)'.')
                {
                    if (digits == 0 || part == 3) return false;
                    destination[part++] = (byte)value;
                    digits = 0;
                    value = 0;
                    continue;
                }
                if ((uint)(c - '0') > 9 || digits == 3) return false;
                value = value * 10 + (c - '0');
                if (value > 255) return false;
                digits++;
            }
            if (part != 3 || digits == 0) return false;
            destination[3] = (byte)value;
            return true;
        }
        if (text.Length > 45 || text.IndexOf((byte)'%') >= 0) return false;
        Span<char> chars = stackalloc char[text.Length];
        for (int i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        if (!IPAddress.TryParse(chars, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        return address.TryWriteBytes(destination, out _);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length != Length) return false;
        output.Append(new IPAddress(rdata).ToString());
        return true;
    }
}
