using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Meridian.Dns.Rdata.Modern;

namespace Meridian.Dns.Rdata.Svcb;

/// <summary>One SvcParam in presentation form ("key", "key=value"), read and printed as BIND 9.18 does.</summary>
internal static class SvcbParamText
{
    /// <summary>Writes key, length and value for one parameter. <paramref name="keyText"/> is the text
    /// before the first '=', <paramref name="value"/> the raw text after it (escapes intact, quotes removed).</summary>
    public static bool TryWrite(ReadOnlySpan<byte> keyText, ReadOnlySpan<byte> value, RdataBuilder output, out ushort key, [NotNullWhen(false)] out string? error)
    {
        // The registered names are matched exactly; any other spelling (other case, keyNNNNN) takes the
        // generic path, where the value is plain text checked against the key's wire rules.
        foreach (var known in SvcParamKeys.Known)
        {
            if (!keyText.SequenceEqual(known.Ascii)) continue;
            key = known.Key;
            return TryWriteNamed(known, value, output, out error);
        }
        if (!TryParseKeyName(keyText, out key, out error)) return false;
        int start = Begin(output, key);
        return TryWriteText(value, output, start, key, out error);
    }

    /// <summary>A key as written in a "key=" prefix or a mandatory list: a registered name in any case, or
    /// "key" followed by a decimal number without sign or leading zeros.</summary>
    public static bool TryParseKeyName(ReadOnlySpan<byte> text, out ushort key, [NotNullWhen(false)] out string? error)
    {
        key = 0;
        foreach (var known in SvcParamKeys.Known)
        {
            if (!Ascii.EqualsIgnoreCase(text, known.Ascii)) continue;
            key = known.Key;
            error = null;
            return true;
        }
        error = ModernFields.SyntaxError;
        if (!text.StartsWith("key"u8)) return false;
        var digits = text[3..];
        if (digits.IsEmpty || (digits.Length > 1 && digits[0] == (byte)'0') || !ModernFields.TryParseDecimal(digits, out ulong number)) return false;
        if (number > ushort.MaxValue)
        {
            error = ModernFields.OutOfRange;
            return false;
        }
        key = (ushort)number;
        error = null;
        return true;
    }

    private static bool TryWriteNamed(SvcParamDefinition known, ReadOnlySpan<byte> value, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        int start = Begin(output, known.Key);
        error = ModernFields.SyntaxError;
        switch (known.Encoding)
        {
            case SvcParamEncoding.DohPath:
                return TryWriteText(value, output, start, known.Key, out error);
            case SvcParamEncoding.Alpn:
                if (!SvcbCommaList.TryWrite(value, output, out error)) return false;
                break;
            case SvcParamEncoding.Port:
                if (value.IsEmpty || !ModernFields.IsDigit(value[0]) || !ModernFields.TryParseDecimal(value, out ulong port)) return false;
                if (port > ushort.MaxValue)
                {
                    error = ModernFields.OutOfRange;
                    return false;
                }
                output.WriteUInt16((ushort)port);
                break;
            case SvcParamEncoding.IPv4List:
            case SvcParamEncoding.IPv6List:
                if (!TryWriteAddresses(value, known.Encoding == SvcParamEncoding.IPv4List, output)) return false;
                break;
            case SvcParamEncoding.Base64:
                if (!ModernBase64.TryDecode(value, output))
                {
                    error = ModernFields.BadBase64;
                    return false;
                }
                break;
            case SvcParamEncoding.Empty:
                if (!value.IsEmpty) return false;
                break;
            case SvcParamEncoding.KeyList:
                if (!TryWriteKeyList(value, output, out error)) return false;
                break;
        }
        return Finish(output, start, known.Key, validate: false, out error);
    }

    private static bool TryWriteAddresses(ReadOnlySpan<byte> value, bool ipv4, RdataBuilder output)
    {
        while (true)
        {
            int comma = value.IndexOf((byte)',');
            var piece = comma < 0 ? value : value[..comma];
            bool ok = ipv4
                ? ModernAddressText.TryParseIPv4(piece, output.Append(4))
                : ModernAddressText.TryParseIPv6(piece, output.Append(16));
            if (!ok) return false;
            if (comma < 0) return true;
            value = value[(comma + 1)..];
        }
    }

    /// <summary>mandatory=: keys separated by commas, written in ascending order; repeats are refused.</summary>
    private static bool TryWriteKeyList(ReadOnlySpan<byte> value, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        error = ModernFields.SyntaxError;
        if (value.IsEmpty) return false;
        var keys = new List<ushort>();
        foreach (var range in value.Split((byte)','))
        {
            if (!TryParseKeyName(value[range], out ushort key, out error)) return false;
            keys.Add(key);
        }
        keys.Sort();
        for (int i = 1; i < keys.Count; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                error = ModernFields.SyntaxError;
                return false;
            }
        }
        foreach (ushort key in keys) output.WriteUInt16(key);
        error = null;
        return true;
    }

    /// <summary>A value in plain text, checked against the key's wire rules. A value longer than a length
    /// field can say is BIND's "out of range"; one that only overfills the record is "ran out of space".</summary>
    private static bool TryWriteText(ReadOnlySpan<byte> value, RdataBuilder output, int start, ushort key, [NotNullWhen(false)] out string? error)
    {
        if (!CharacterStrings.TryDecode(value, output, int.MaxValue, out int length, out error)) return false;
        if (length > ushort.MaxValue)
        {
            error = ModernFields.OutOfRange;
            return false;
        }
        return Finish(output, start, key, validate: true, out error);
    }

    private static int Begin(RdataBuilder output, ushort key)
    {
        output.WriteUInt16(key);
        output.WriteUInt16(0);
        return output.Length;
    }

    private static bool Finish(RdataBuilder output, int start, ushort key, bool validate, [NotNullWhen(false)] out string? error)
    {
        if (output.Overflowed)
        {
            error = ModernFields.NoSpace;
            return false;
        }
        int length = output.Length - start;
        output.PatchUInt16(start - 2, (ushort)length);
        if (validate && !SvcbWireRules.IsValidValue(key, output.Written.Slice(start, length)))
        {
            error = ModernFields.FormatError;
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>Appends " key" or " key=value" for a value already checked against the key's rules.</summary>
    public static void Append(StringBuilder output, ushort key, ReadOnlySpan<byte> value)
    {
        output.Append(' ');
        SvcParamKeys.AppendName(output, key);
        if (value.IsEmpty) return;
        var encoding = SvcParamKeys.PrintEncodingOf(key);
        if (encoding != SvcParamEncoding.Empty) output.Append('=');
        switch (encoding)
        {
            case SvcParamEncoding.Port:
                output.Append(BinaryPrimitives.ReadUInt16BigEndian(value).ToString(CultureInfo.InvariantCulture));
                break;
            case SvcParamEncoding.IPv4List:
                for (int i = 0; i < value.Length; i += 4)
                {
                    if (i > 0) output.Append(',');
                    ModernAddressText.AppendIPv4(output, value.Slice(i, 4));
                }
                break;
            case SvcParamEncoding.IPv6List:
                for (int i = 0; i < value.Length; i += 16)
                {
                    if (i > 0) output.Append(',');
                    ModernAddressText.AppendIPv6(output, value.Slice(i, 16));
                }
                break;
            case SvcParamEncoding.Base64:
                ModernBase64.Append(output, value);
                break;
            case SvcParamEncoding.Alpn:
                output.Append('"');
                for (int i = 0; i < value.Length; i += value[i] + 1)
                {
                    if (i > 0) output.Append(',');
                    SvcbCommaList.AppendElement(output, value.Slice(i + 1, value[i]));
                }
                output.Append('"');
                break;
            case SvcParamEncoding.KeyList:
                for (int i = 0; i < value.Length; i += 2)
                {
                    if (i > 0) output.Append(',');
                    SvcParamKeys.AppendName(output, BinaryPrimitives.ReadUInt16BigEndian(value[i..]));
                }
                break;
            default:
                CharacterStrings.AppendQuoted(output, value);
                break;
        }
    }
}
