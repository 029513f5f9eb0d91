using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Meridian.Dns.Records;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>Reads and writes big-endian unsigned values of 1, 2 or 4 octets.</summary>
internal static class WireNumbers
{
    public static bool TryRead(ReadOnlySpan<byte> rdata, ref int offset, int size, out uint value)
    {
        value = 0;
        if (offset + size > rdata.Length) return false;
        var bytes = rdata.Slice(offset, size);
        value = size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        };
        offset += size;
        return true;
    }

    public static void Write(RdataBuilder output, int size, uint value)
    {
        if (size == 1) output.WriteByte((byte)value);
        else if (size == 2) output.WriteUInt16((ushort)value);
        else output.WriteUInt32(value);
    }

    public static uint MaxValue(int size) => size switch { 1 => byte.MaxValue, 2 => ushort.MaxValue, _ => uint.MaxValue };
}

/// <summary>An unsigned decimal field of 1, 2 or 4 octets.</summary>
internal sealed class NumberField(int size) : RdataField
{
    public static NumberField UInt8 { get; } = new(1);
    public static NumberField UInt16 { get; } = new(2);
    public static NumberField UInt32 { get; } = new(4);

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadNumber(ref text, WireNumbers.MaxValue(size), out uint value, out error)) return false;
        WireNumbers.Write(output, size, value);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, size, out uint value)) return false;
        output.Append(value.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}

/// <summary>A 32-bit interval that may be written with units (SOA refresh, retry, expire, minimum).</summary>
internal sealed class TtlField : RdataField
{
    public static TtlField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!TtlText.TryParse(token, out uint seconds, out error)) return false;
        output.WriteUInt32(seconds);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output) =>
        NumberField.UInt32.TryFormat(rdata, ref offset, output);
}

/// <summary>A number that may also be given as a mnemonic; printed as a number unless
/// <paramref name="printMnemonic"/> (CERT prints its type and algorithm by name).</summary>
internal sealed class MnemonicField(DnssecMnemonics.Kind kind, int size, bool printMnemonic = false) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnssecMnemonics.TryParse(kind, token, WireNumbers.MaxValue(size), out uint value, out error)) return false;
        WireNumbers.Write(output, size, value);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, size, out uint value)) return false;
        if (printMnemonic) DnssecMnemonics.Append(kind, output, value);
        else output.Append(value.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}

/// <summary>KEY-family flags. RKEY must have all flags clear (BIND refuses anything else).</summary>
internal sealed class KeyFlagsField(bool mustBeZero) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnssecMnemonics.TryParseKeyFlags(token, out ushort flags, out error)) return false;
        if (mustBeZero && flags != 0)
        {
            error = FormatError;
            return false;
        }
        output.WriteUInt16(flags);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, 2, out uint flags) || (mustBeZero && flags != 0)) return false;
        output.Append(flags.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}

/// <summary>RRSIG/SIG expiration and inception; SIG takes only dates, RRSIG also plain seconds.</summary>
internal sealed class TimeField(bool allowSeconds) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnssecTime.TryParse(token, out uint value, out error, allowSeconds)) return false;
        output.WriteUInt32(value);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, 4, out uint value)) return false;
        DnssecTime.Append(output, value);
        return true;
    }
}

/// <summary>The type an RRSIG or SIG covers: a mnemonic, TYPEnnn or a plain number. RRSIG prints
/// TYPEnnn for types without a mnemonic, SIG the bare number.</summary>
internal sealed class CoveredTypeField(bool numberWhenUnknown) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (DnsTypeNames.TryParse(token, out var type))
        {
            output.WriteUInt16((ushort)type);
            return true;
        }
        if (!RdataTokens.TryParseDecimal(token, out ulong number))
        {
            error = UnknownMnemonic;
            return false;
        }
        if (number > ushort.MaxValue)
        {
            error = OutOfRange;
            return false;
        }
        output.WriteUInt16((ushort)number);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, 2, out uint value)) return false;
        if (numberWhenUnknown) TypeBitmaps.AppendTypeOrNumber(output, (DnsType)value);
        else output.Append(DnsTypeNames.ToName((DnsType)value));
        return true;
    }
}
