using System.Diagnostics.CodeAnalysis;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>Base64 in record data as BIND reads and prints it: padding must be complete and the
/// unused bits zero, nothing may follow the padding, and data may be split over several tokens.</summary>
internal static class ModernBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>The width BIND's zone dumps break long keys at (a space between chunks).</summary>
    public const int DumpChunk = 56;

    /// <summary>Reads base64 from the remaining tokens until the data is complete (after padding, the
    /// rest is left for the caller). With <paramref name="requireData"/> an empty result is an error.
    /// The classic types' reader does this; the modern types share it.</summary>
    public static bool TryReadTokens(ref RdataTextReader text, RdataBuilder output, bool requireData, [NotNullWhen(false)] out string? error)
    {
        bool parsed = Base64Text.TryRead(ref text, output, requireData, out var message);
        error = message ?? "";
        return parsed;
    }

    /// <summary>Decodes one string (a single token or a parameter value); white space is skipped.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> text, RdataBuilder output)
    {
        var decoder = new Decoder();
        foreach (byte c in text)
        {
            if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') continue;
            if (!decoder.TryAdd(c, output)) return false;
        }
        return decoder.IsComplete;
    }

    /// <summary>Standard padded base64; with a chunk width, groups are separated by a space.</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<byte> data, int chunk = 0)
    {
        int written = 0;
        for (int i = 0; i < data.Length; i += 3)
        {
            if (chunk > 0 && written > 0 && written % chunk == 0) output.Append(' ');
            int remaining = Math.Min(3, data.Length - i);
            int group = data[i] << 16;
            if (remaining > 1) group |= data[i + 1] << 8;
            if (remaining > 2) group |= data[i + 2];
            output.Append(Alphabet[(group >> 18) & 63]).Append(Alphabet[(group >> 12) & 63]);
            output.Append(remaining > 1 ? Alphabet[(group >> 6) & 63] : '=');
            output.Append(remaining > 2 ? Alphabet[group & 63] : '=');
            written += 4;
        }
    }

    private static int ValueOf(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        (byte)'=' => 64,
        _ => -1,
    };

    /// <summary>Four-character groups; 64 stands for the '=' pad.</summary>
    private struct Decoder
    {
        private int _digits;
        private int _v0, _v1, _v2;

        public bool SeenEnd { get; private set; }

        public readonly bool IsComplete => _digits == 0;

        public bool TryAdd(byte c, RdataBuilder output)
        {
            if (SeenEnd) return false;
            int v = ValueOf(c);
            if (v < 0) return false;
            switch (_digits++)
            {
                case 0: _v0 = v; return true;
                case 1: _v1 = v; return true;
                case 2: _v2 = v; return true;
            }
            _digits = 0;
            if (_v0 == 64 || _v1 == 64) return false;
            if (_v2 == 64 && v != 64) return false;
            // The bits a short group does not use must be zero.
            if (_v2 == 64 && (_v1 & 0xf) != 0) return false;
            if (v == 64 && _v2 != 64 && (_v2 & 0x3) != 0) return false;
            int n = _v2 == 64 ? 1 : v == 64 ? 2 : 3;
            int v2 = _v2 == 64 ? 0 : _v2;
            int v3 = v == 64 ? 0 : v;
            output.WriteByte((byte)((_v0 << 2) | (_v1 >> 4)));
            if (n > 1) output.WriteByte((byte)(((_v1 & 0xf) << 4) | (v2 >> 2)));
            if (n > 2) output.WriteByte((byte)(((v2 & 0x3) << 6) | v3));
            if (n != 3) SeenEnd = true;
            return true;
        }
    }
}
