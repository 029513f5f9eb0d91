using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>WKS (RFC 1035 §3.4.2): an IPv4 address, a protocol and a bitmap of ports. Protocols and
/// services may be given by name; BIND prints numbers.</summary>
public sealed class WksRdataFormat : RdataFormat
{
    /// <summary>A port bitmap longer than this covers ports past 65535.</summary>
    private const int MaxBitmapLength = 8192;

    public static WksRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var address, out error)) return false;
        if (!AddressRdataFormat.TryParseAddress(address, AddressFamily.InterNetwork, output.Append(4)))
        {
            error = BadDottedQuad;
            return false;
        }
        if (!RdataTokens.TryReadUnquoted(ref text, out var protocolToken, out error)) return false;
        if (!TryParseProtocol(protocolToken, out byte protocol, out error)) return false;
        output.WriteByte(protocol);

        Span<byte> bitmap = stackalloc byte[MaxBitmapLength];
        bitmap.Clear();
        int length = 0;
        while (text.HasMore)
        {
            if (!RdataTokens.TryReadUnquoted(ref text, out var service, out error)) return false;
            if (!TryParsePort(service, protocol, out ushort port, out error)) return false;
            bitmap[port >> 3] |= (byte)(0x80 >> (port & 7));
            length = Math.Max(length, (port >> 3) + 1);
        }
        output.WriteBytes(bitmap[..length]);
        return true;
    }

    private static bool TryParseProtocol(ReadOnlySpan<byte> token, out byte protocol, out string? error)
    {
        protocol = 0;
        if (RdataTokens.TryParseDecimal(token, out ulong number))
        {
            error = number > byte.MaxValue ? OutOfRange : null;
            protocol = (byte)Math.Min(number, byte.MaxValue);
            return error is null;
        }
        error = WellKnownServices.TryGetProtocol(Encoding.Latin1.GetString(token), out protocol) ? null : UnknownProtocol;
        return error is null;
    }

    private static bool TryParsePort(ReadOnlySpan<byte> token, byte protocol, out ushort port, out string? error)
    {
        port = 0;
        bool negative = token.Length > 1 && token[0] == (byte)'-' && RdataTokens.TryParseDecimal(token[1..], out _);
        if (negative || (RdataTokens.TryParseDecimal(token, out ulong number) && number > ushort.MaxValue))
        {
            error = OutOfRange;
            return false;
        }
        if (RdataTokens.TryParseDecimal(token, out number))
        {
            port = (ushort)number;
            error = null;
            return true;
        }
        error = WellKnownServices.TryGetPort(Encoding.Latin1.GetString(token), protocol, out port) ? null : UnknownService;
        return error is null;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 5 || rdata.Length > 5 + MaxBitmapLength || (rdata.Length > 5 && rdata[^1] == 0)) return false;
        for (int i = 0; i < 4; i++) output.Append(rdata[i].ToString(CultureInfo.InvariantCulture)).Append('.');
        output.Length--;
        output.Append(' ').Append(rdata[4].ToString(CultureInfo.InvariantCulture));
        var bitmap = rdata[5..];
        for (int port = 0; port < bitmap.Length * 8; port++)
        {
            if ((bitmap[port >> 3] & (0x80 >> (port & 7))) != 0)
                output.Append(' ').Append(port.ToString(CultureInfo.InvariantCulture));
        }
        return true;
    }
}
