namespace Meridian.Dns.Text;

/// <summary>Decimal numbers in presentation form, parsed without allocation or culture.</summary>
public static class TextNumbers
{
    public static bool TryParseUInt32(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 10) return false;
        ulong v = 0;
        foreach (byte d in text)
        {
            if ((uint)(d - '0') > 9) return false;
            v = v * 10 + (uint)(d - '0');
        }
        if (v > uint.MaxValue) return false;
        value = (uint)v;
        return true;
    }

    public static bool TryParseUInt16(ReadOnlySpan<byte> text, out ushort value)
    {
        value = 0;
        if (!TryParseUInt32(text, out uint v) || v > ushort.MaxValue) return false;
        value = (ushort)v;
        return true;
    }

    public static bool TryParseByte(ReadOnlySpan<byte> text, out byte value)
    {
        value = 0;
        if (!TryParseUInt32(text, out uint v) || v > byte.MaxValue) return false;
        value = (byte)v;
        return true;
    }
}
