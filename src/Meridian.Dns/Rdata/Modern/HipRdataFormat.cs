using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>HIP (RFC 8005): "algorithm HIT-in-hex public-key-in-base64 [rendezvous-server…]". The key is
/// one token; the servers are printed as absolute names.</summary>
public sealed class HipRdataFormat : RdataFormat
{
    public static HipRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        int start = output.Length;
        output.WriteByte(0);
        if (!ModernFields.TryReadNumber(ref text, byte.MaxValue, out uint algorithm, out error)) return false;
        output.WriteByte((byte)algorithm);
        output.WriteUInt16(0);

        if (!ModernFields.TryReadString(ref text, out var hit, out error)) return false;
        int hitStart = output.Length;
        if (!TryDecodeHex(hit, output))
        {
            error = ModernFields.BadHex;
            return false;
        }
        int hitLength = output.Length - hitStart;
        if (hitLength > byte.MaxValue)
        {
            error = ModernFields.OutOfRange;
            return false;
        }

        if (!ModernFields.TryReadString(ref text, out var key, out error)) return false;
        int keyStart = output.Length;
        if (!ModernBase64.TryDecode(key, output))
        {
            error = ModernFields.BadBase64;
            return false;
        }
        if (output.Overflowed)
        {
            error = ModernFields.NoSpace;
            return false;
        }
        output.PatchByte(start, (byte)hitLength);
        output.PatchUInt16(start + 2, (ushort)(output.Length - keyStart));

        while (text.HasMore)
        {
            if (!ModernFields.TryReadName(ref text, output, out error)) return false;
        }
        return ModernFields.CheckSpace(output, parsed: true, ref error);
    }

    /// <summary>Hex of one token, an even number of digits.</summary>
    private static bool TryDecodeHex(ReadOnlySpan<byte> token, RdataBuilder output)
    {
        if (token.Length % 2 != 0) return false;
        for (int i = 0; i < token.Length; i += 2)
        {
            int high = TextEncodings.HexValue(token[i]), low = TextEncodings.HexValue(token[i + 1]);
            if (high < 0 || low < 0) return false;
            output.WriteByte((byte)((high << 4) | low));
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 4) return false;
        int hitLength = rdata[0];
        int keyLength = BinaryPrimitives.ReadUInt16BigEndian(rdata[2..]);
        if (hitLength == 0 || keyLength == 0 || rdata.Length - 4 < hitLength + keyLength) return false;
        int i = 4 + hitLength + keyLength;
        while (i < rdata.Length)
        {
            if (!WireNames.TryGetLength(rdata, i, out int length)) return false;
            i += length;
        }
        output.Append(rdata[1].ToString(CultureInfo.InvariantCulture)).Append(' ');
        TextEncodings.AppendHex(output, rdata.Slice(4, hitLength));
        output.Append(' ');
        ModernBase64.Append(output, rdata.Slice(4 + hitLength, keyLength));
        for (i = 4 + hitLength + keyLength; i < rdata.Length;)
        {
            WireNames.TryGetLength(rdata, i, out int length);
            output.Append(' ');
            DnsName.AppendPresentation(output, rdata.Slice(i, length), omitFinalDot: false);
            i += length;
        }
        return true;
    }
}
