using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>LOC (RFC 1876): "d [m [s]] N|S d [m [s]] E|W alt[m] [size[m] [hp[m] [vp[m]]]]", read with
/// BIND 9.18's rules and defaults (size 1m, horizontal precision 10000m, vertical 10m) and printed
/// like "42 21 54.000 N 71 6 18.000 W -24.00m 30m 10000m 10m".</summary>
public sealed class LocRdataFormat : RdataFormat
{
    public static LocRdataFormat Instance { get; } = new();

    private static readonly long[] s_powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000];

    private const uint Equator = 0x80000000;
    private const uint ZeroAltitude = 10_000_000; // centimetres: the wire altitude is offset by 100 km

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!TryReadCoordinate(ref text, (byte)'N', (byte)'S', 90, out uint latitude, out error)) return false;
        if (!TryReadCoordinate(ref text, (byte)'E', (byte)'W', 180, out uint longitude, out error)) return false;
        if (!TryReadAltitude(ref text, out uint altitude, out error)) return false;
        Span<byte> precision = [0x12, 0x16, 0x13];
        for (int i = 0; i < 3 && text.HasMore; i++)
        {
            if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
            if (!TryParsePrecision(token, out precision[i], out error)) return false;
        }
        output.WriteByte(0);
        output.WriteBytes(precision);
        output.WriteUInt32(latitude);
        output.WriteUInt32(longitude);
        output.WriteUInt32(altitude);
        return true;
    }

    /// <summary>Degrees, then optional minutes and seconds, then the hemisphere letter (upper case only).</summary>
    private static bool TryReadCoordinate(ref RdataTextReader text, byte positive, byte negative, uint maxDegrees, out uint value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        ulong minutes = 0, milliseconds = 0;
        if (!ModernFields.TryReadNumber(ref text, maxDegrees, out uint degrees, out error)) return false;
        byte hemisphere = 0;
        for (int part = 0; part < 2 && hemisphere == 0; part++)
        {
            if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
            if (token.Length == 1 && (token[0] == positive || token[0] == negative))
            {
                hemisphere = token[0];
                break;
            }
            text.Position--;
            if (part == 0)
            {
                if (!ModernFields.TryReadNumber(ref text, uint.MaxValue, out uint m, out error)) return false;
                minutes = m;
            }
            else
            {
                text.TryRead(out token);
                error = ParseDecimal(token, 59, 3, 0, out milliseconds);
                if (error is not null) return false;
            }
            if (minutes > 59 || (degrees == maxDegrees && (minutes != 0 || milliseconds != 0)))
            {
                error = ModernFields.OutOfRange;
                return false;
            }
        }
        if (hemisphere == 0)
        {
            if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
            if (token.Length != 1 || (token[0] != positive && token[0] != negative))
            {
                error = ModernFields.SyntaxError;
                return false;
            }
            hemisphere = token[0];
        }
        uint offset = (uint)((degrees * 3600 + minutes * 60) * 1000 + milliseconds);
        value = hemisphere == positive ? Equator + offset : Equator - offset;
        error = null;
        return true;
    }

    private static bool TryReadAltitude(ref RdataTextReader text, out uint altitude, [NotNullWhen(false)] out string? error)
    {
        altitude = 0;
        if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
        ulong centimetres;
        if (token[0] == (byte)'-')
        {
            error = ParseDecimal(token[1..], 100_000, 2, (byte)'m', out centimetres);
            if (error is null && centimetres > ZeroAltitude) error = ModernFields.OutOfRange;
            if (error is not null) return false;
            altitude = ZeroAltitude - (uint)centimetres;
            return true;
        }
        error = ParseDecimal(token, 42_849_672, 2, (byte)'m', out centimetres);
        if (error is null && centimetres > 4_284_967_295UL) error = ModernFields.OutOfRange;
        if (error is not null) return false;
        altitude = ZeroAltitude + (uint)centimetres;
        return true;
    }

    /// <summary>BIND's loc_getdecimal: strtoul digits (a sign allowed), an optional fraction of up to
    /// <paramref name="places"/> digits, an optional unit letter; the result is scaled to those places.</summary>
    private static string? ParseDecimal(ReadOnlySpan<byte> text, ulong max, int places, byte unit, out ulong value)
    {
        int i = ModernFields.StrToUL(text, out value);
        bool sawDigits = i > 0;
        if (i < text.Length && text[i] != (byte)'.' && text[i] != unit) return ModernFields.SyntaxError;
        if (value > max) return ModernFields.OutOfRange;
        int scaled = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            for (; scaled < places && i < text.Length && text[i] != unit; scaled++, i++)
            {
                if (!ModernFields.IsDigit(text[i])) return ModernFields.SyntaxError;
                sawDigits = true;
                value = value * 10 + (uint)(text[i] - '0');
            }
        }
        for (; scaled < places; scaled++) value *= 10;
        if (unit != 0 && i < text.Length && text[i] == unit) i++;
        return !sawDigits || i != text.Length ? ModernFields.SyntaxError : null;
    }

    /// <summary>A size or precision in metres, stored as mantissa and power of ten of centimetres. Like
    /// BIND, whole metres are truncated to one significant digit and centimetres are ignored then.</summary>
    private static bool TryParsePrecision(ReadOnlySpan<byte> text, out byte encoded, [NotNullWhen(false)] out string? error)
    {
        encoded = 0;
        error = ParseDecimal(text, 90_000_000, 2, (byte)'m', out ulong centimetres);
        if (error is not null) return false;
        ulong metres = centimetres / 100, rest = centimetres % 100;
        int mantissa, exponent;
        if (metres > 0)
        {
            exponent = 0;
            ulong power = 1;
            while (exponent < 7 && metres >= power * 10)
            {
                power *= 10;
                exponent++;
            }
            mantissa = (int)(metres / power);
            exponent += 2;
        }
        else if (rest >= 10)
        {
            mantissa = (int)(rest / 10);
            exponent = 1;
        }
        else
        {
            mantissa = (int)rest;
            exponent = 0;
        }
        encoded = (byte)((mantissa << 4) | exponent);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.IsEmpty) return false;
        // Versions other than 0 are valid but have no text form.
        if (rdata[0] != 0) return GenericRdataFormat.Instance.TryFormat(rdata, output);
        if (rdata.Length != 16) return false;
        for (int i = 1; i < 4; i++)
        {
            byte b = rdata[i];
            if (b != 0 && ((b & 0xf) > 9 || (b >> 4) > 9 || (b >> 4) == 0)) return false;
        }
        uint latitude = BinaryPrimitives.ReadUInt32BigEndian(rdata[4..]);
        uint longitude = BinaryPrimitives.ReadUInt32BigEndian(rdata[8..]);
        if (latitude < Equator - 90 * 3_600_000u || latitude > Equator + 90 * 3_600_000u) return false;
        if (longitude < Equator - 180 * 3_600_000u || longitude > Equator + 180 * 3_600_000u) return false;

        AppendCoordinate(output, latitude, 'N', 'S');
        output.Append(' ');
        AppendCoordinate(output, longitude, 'E', 'W');
        uint altitude = BinaryPrimitives.ReadUInt32BigEndian(rdata[12..]);
        bool below = altitude < ZeroAltitude;
        uint magnitude = below ? ZeroAltitude - altitude : altitude - ZeroAltitude;
        output.Append(' ').Append(below ? "-" : "")
            .Append((magnitude / 100).ToString(CultureInfo.InvariantCulture)).Append('.')
            .Append((magnitude % 100).ToString("D2", CultureInfo.InvariantCulture)).Append('m');
        for (int i = 1; i < 4; i++)
        {
            output.Append(' ');
            AppendPrecision(output, rdata[i]);
        }
        return true;
    }

    private static void AppendCoordinate(StringBuilder output, uint value, char positive, char negative)
    {
        bool isPositive = value >= Equator;
        uint offset = isPositive ? value - Equator : Equator - value;
        output.Append((offset / 3_600_000).ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append((offset / 60_000 % 60).ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append((offset / 1000 % 60).ToString(CultureInfo.InvariantCulture)).Append('.')
            .Append((offset % 1000).ToString("D3", CultureInfo.InvariantCulture)).Append(' ')
            .Append(isPositive ? positive : negative);
    }

    private static void AppendPrecision(StringBuilder output, byte encoded)
    {
        int mantissa = encoded >> 4, exponent = encoded & 0xf;
        if (exponent > 1)
        {
            output.Append((mantissa * s_powersOfTen[exponent - 2]).ToString(CultureInfo.InvariantCulture)).Append('m');
        }
        else
        {
            output.Append("0.").Append((mantissa * (exponent == 1 ? 10 : 1)).ToString("D2", CultureInfo.InvariantCulture)).Append('m');
        }
    }
}
