using System.Buffers.Binary;
using Meridian.Dns.Names;

namespace Meridian.Dns.Rdata.Svcb;

/// <summary>BIND 9.18's checks on SVCB/HTTPS wire data: each value's shape, keys strictly ascending,
/// every mandatory key present (and "mandatory" not listing itself), alpn present with no-default-alpn.</summary>
internal static class SvcbWireRules
{
    /// <summary>Whether <paramref name="value"/> has the shape the key requires (unknown keys take anything).</summary>
    public static bool IsValidValue(ushort key, ReadOnlySpan<byte> value)
    {
        switch (SvcParamKeys.EncodingOf(key))
        {
            case SvcParamEncoding.Port:
                return value.Length == 2;
            case SvcParamEncoding.IPv4List:
                return value.Length > 0 && value.Length % 4 == 0;
            case SvcParamEncoding.IPv6List:
                return value.Length > 0 && value.Length % 16 == 0;
            case SvcParamEncoding.Alpn:
                if (value.IsEmpty) return false;
                for (int i = 0; i < value.Length; i += value[i] + 1)
                {
                    if (value[i] == 0 || i + 1 + value[i] > value.Length) return false;
                }
                return true;
            case SvcParamEncoding.KeyList:
                if (value.IsEmpty || value.Length % 2 != 0) return false;
                for (int i = 2; i < value.Length; i += 2)
                {
                    if (BinaryPrimitives.ReadUInt16BigEndian(value[(i - 2)..]) >= BinaryPrimitives.ReadUInt16BigEndian(value[i..])) return false;
                }
                return true;
            case SvcParamEncoding.Empty:
                return value.IsEmpty;
            case SvcParamEncoding.DohPath:
                return IsValidDohPath(value);
            default:
                return true;
        }
    }

    /// <summary>Validates complete RDATA and returns where the parameters start. <paramref name="asFromText"/>
    /// admits the one shape BIND's zone-file reader lets through although its wire reader refuses it:
    /// no-default-alpn without alpn when it is the last key and the last one "mandatory" lists.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> rdata, bool asFromText, out int paramsStart)
    {
        paramsStart = 0;
        if (rdata.Length < 2 || !WireNames.TryGetLength(rdata, 2, out int nameLength)) return false;
        int i = 2 + nameLength;
        paramsStart = i;
        bool first = true, haveAlpn = false;
        ushort lastKey = 0;
        int mandatoryKey = -1;
        ReadOnlySpan<byte> mandatory = default;
        while (i < rdata.Length)
        {
            if (rdata.Length - i < 4) return false;
            ushort key = BinaryPrimitives.ReadUInt16BigEndian(rdata[i..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(rdata[(i + 2)..]);
            if (!first && key <= lastKey) return false;
            bool pendingMandatory = mandatoryKey >= 0;
            if (mandatoryKey >= 0)
            {
                if (key > mandatoryKey) return false;
                if (key == mandatoryKey) mandatoryKey = NextMandatoryKey(ref mandatory);
            }
            if (key == SvcParamKeys.Alpn)
            {
                haveAlpn = true;
            }
            else if (key == SvcParamKeys.NoDefaultAlpn && !haveAlpn)
            {
                bool last = i + 4 + length == rdata.Length;
                if (!(asFromText && last && pendingMandatory)) return false;
            }
            first = false;
            lastKey = key;
            if (rdata.Length - i - 4 < length) return false;
            var value = rdata.Slice(i + 4, length);
            if (key == SvcParamKeys.Mandatory)
            {
                if (length < 2) return false;
                mandatory = value;
                mandatoryKey = NextMandatoryKey(ref mandatory);
                if (mandatoryKey == SvcParamKeys.Mandatory) return false;
            }
            if (!IsValidValue(key, value)) return false;
            i += 4 + length;
        }
        return mandatoryKey < 0;
    }

    /// <summary>BIND's check on the parameters of a zone-file record, in the order they were written
    /// (the order decides which of several faults is reported). Returns the error, or null.</summary>
    public static string? CheckTextOrder(List<(ushort Key, int Start, int Length)> parameters, ReadOnlySpan<byte> values, List<int> sortedIndexes)
    {
        var remaining = new List<int>(parameters.Count);
        for (int n = 0; n < parameters.Count; n++) remaining.Add(n);
        int mandatoryKey = -1;
        ReadOnlySpan<byte> mandatory = default;
        bool haveAlpn = false;
        while (remaining.Count > 0)
        {
            int pick = 0;
            ushort key = parameters[remaining[0]].Key;
            if (remaining.Count == 1)
            {
                if (mandatoryKey >= 0)
                {
                    if (key != mandatoryKey || !mandatory.IsEmpty) return Inconsistent;
                }
                else if (key == SvcParamKeys.Mandatory || (key == SvcParamKeys.NoDefaultAlpn && !haveAlpn))
                {
                    return Disallowed;
                }
                sortedIndexes.Add(remaining[0]);
                return null;
            }
            for (int j = 1; j < remaining.Count; j++)
            {
                ushort other = parameters[remaining[j]].Key;
                if (other == key) return Duplicate;
                if (other < key)
                {
                    key = other;
                    pick = j;
                }
            }
            int chosen = remaining[pick];
            remaining.RemoveAt(pick);
            sortedIndexes.Add(chosen);
            if (key == SvcParamKeys.Alpn) haveAlpn = true;
            else if (key == SvcParamKeys.NoDefaultAlpn && !haveAlpn) return Disallowed;
            if (mandatoryKey >= 0)
            {
                if (key > mandatoryKey) return Inconsistent;
                if (key == mandatoryKey) mandatoryKey = NextMandatoryKey(ref mandatory);
            }
            if (key == SvcParamKeys.Mandatory)
            {
                var (_, start, length) = parameters[chosen];
                mandatory = values.Slice(start, length);
                if (mandatory.Length < 2) return ModernSyntaxError;
                mandatoryKey = NextMandatoryKey(ref mandatory);
                if (mandatoryKey == SvcParamKeys.Mandatory) return Disallowed;
            }
        }
        return null;
    }

    private const string Duplicate = "duplicate query";
    private const string Disallowed = "disallowed (by application policy)";
    private const string Inconsistent = "inconsistent resource record";
    private const string ModernSyntaxError = Modern.ModernFields.SyntaxError;

    private static int NextMandatoryKey(ref ReadOnlySpan<byte> list)
    {
        if (list.Length < 2) return -1;
        int key = BinaryPrimitives.ReadUInt16BigEndian(list);
        list = list[2..];
        return key;
    }

    /// <summary>RFC 9461: a relative URI template, "/" first, containing "{?dns}", in UTF-8.</summary>
    private static bool IsValidDohPath(ReadOnlySpan<byte> value)
    {
        return value.Length >= 7 && value[0] == (byte)'/' && IsUtf8AsBindChecks(value) && value.IndexOf("{?dns}"u8) >= 0;
    }

    /// <summary>BIND's UTF-8 check: well-formed sequences without overlong forms; surrogates pass.</summary>
    private static bool IsUtf8AsBindChecks(ReadOnlySpan<byte> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            byte c = s[i];
            if (c <= 0x7f) continue;
            if (i + 1 < s.Length && (c & 0xe0) == 0xc0 && (s[i + 1] & 0xc0) == 0x80)
            {
                int w = ((c & 0x1f) << 6) | (s[++i] & 0x3f);
                if (w < 0x80) return false;
                continue;
            }
            if (i + 2 < s.Length && (c & 0xf0) == 0xe0 && (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80)
            {
                int w = ((c & 0x0f) << 12) | ((s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
                i += 2;
                if (w < 0x800) return false;
                continue;
            }
            if (i + 3 < s.Length && (c & 0xf8) == 0xf0 && (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80 && (s[i + 3] & 0xc0) == 0x80)
            {
                int w = ((c & 0x07) << 18) | ((s[i + 1] & 0x3f) << 12) | ((s[i + 2] & 0x3f) << 6) | (s[i + 3] & 0x3f);
                i += 3;
                if (w < 0x10000 || w > 0x10ffff) return false;
                continue;
            }
            return false;
        }
        return true;
    }
}
