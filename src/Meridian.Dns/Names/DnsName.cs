using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Meridian.Dns.Names;

/// <summary>A domain name held in uncompressed wire form; case is preserved, comparison ignores ASCII case.</summary>
public sealed class DnsName : IEquatable<DnsName>, IComparable<DnsName>
{
    /// <summary>Most octets a name may take on the wire (RFC 1035 §2.3.4).</summary>
    public const int MaxWireLength = 255;

    /// <summary>Most octets in one label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private readonly byte[] _wire;
    private int _hash;

    /// <summary>The root name, ".".</summary>
    public static DnsName Root { get; } = new([0]);

    private DnsName(byte[] wire) => _wire = wire;

    /// <summary>The name in uncompressed wire form, ending with the root label.</summary>
    public ReadOnlySpan<byte> Wire => _wire;

    /// <summary>Octets on the wire, including the root label.</summary>
    public int WireLength => _wire.Length;

    /// <summary>Labels, not counting the root.</summary>
    public int LabelCount
    {
        get
        {
            int count = 0;
            for (int i = 0; _wire[i] != 0; i += _wire[i] + 1) count++;
            return count;
        }
    }

    public bool IsRoot => _wire.Length == 1;

    /// <summary>True when the leftmost label is "*" (RFC 4592).</summary>
    public bool IsWildcard => _wire.Length > 2 && _wire[0] == 1 && _wire[1] == (byte)'*';

    /// <summary>Builds a name from uncompressed wire octets, checking every length.</summary>
    public static bool TryFromWire(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out DnsName? name)
    {
        name = null;
        int i = 0;
        while (true)
        {
            if (i >= wire.Length || i >= MaxWireLength) return false;
            int len = wire[i];
            if (len == 0) break;
            if (len > MaxLabelLength) return false;
            i += len + 1;
        }
        if (i + 1 > MaxWireLength) return false;
        name = new DnsName(wire[..(i + 1)].ToArray());
        return true;
    }

    /// <summary>Wraps wire octets already known to be a valid name (the caller gives up the array).</summary>
    internal static DnsName FromValidatedWire(byte[] wire) => wire.Length == 1 ? Root : new DnsName(wire);

    /// <summary>Reads presentation form (RFC 1035 §5.1 escapes). A name without a final dot is relative to
    /// <paramref name="origin"/>; "@" alone is the origin.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, DnsName? origin, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (text.IsEmpty) { error = "empty name"; return false; }
        if (text.Length == 1 && text[0] == (byte)'@')
        {
            if (origin is null) { error = "'@' used with no origin"; return false; }
            name = origin;
            error = null;
            return true;
        }
        if (text.Length == 1 && text[0] == (byte)'.') { name = Root; error = null; return true; }

        Span<byte> buffer = stackalloc byte[MaxWireLength + 1];
        int length = 0;          // octets written to buffer
        int labelStart = 0;      // position of the current label's length octet
        int labelLength = 0;
        bool absolute = false;
        buffer[0] = 0;
        length = 1;
        for (int i = 0; i < text.Length; i++)
        {
            byte c = text[i];
            if (c == (byte)'.')
            {
                if (labelLength == 0) { error = "empty label"; return false; }
                buffer[labelStart] = (byte)labelLength;
                if (i == text.Length - 1) { absolute = true; break; }
                labelStart = length;
                labelLength = 0;
                if (length >= MaxWireLength) { error = "name too long"; return false; }
                buffer[length++] = 0;
                continue;
            }
            if (c == (byte)'\\')
            {
                if (i + 1 >= text.Length) { error = "bad escape at end of name"; return false; }
                byte next = text[i + 1];
                if (IsDigit(next))
                {
                    if (i + 3 >= text.Length || !IsDigit(text[i + 2]) || !IsDigit(text[i + 3]))
                    { error = "bad \\DDD escape"; return false; }
                    int value = (next - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
                    if (value > 255) { error = "bad \\DDD escape"; return false; }
                    c = (byte)value;
                    i += 3;
                }
                else
                {
                    c = next;
                    i += 1;
                }
            }
            if (labelLength == MaxLabelLength) { error = "label too long"; return false; }
            if (length >= MaxWireLength) { error = "name too long"; return false; }
            buffer[length++] = c;
            labelLength++;
        }

        if (!absolute)
        {
            if (labelLength == 0) { error = "empty label"; return false; }
            buffer[labelStart] = (byte)labelLength;
            if (origin is null) { error = "relative name with no origin"; return false; }
            if (length + origin.WireLength > MaxWireLength) { error = "name too long"; return false; }
            origin.Wire.CopyTo(buffer[length..]);
            length += origin.WireLength;
        }
        else
        {
            if (length + 1 > MaxWireLength) { error = "name too long"; return false; }
            buffer[length++] = 0;
        }
        name = new DnsName(buffer[..length].ToArray());
        error = null;
        return true;
    }

    /// <summary>Reads a name typed by a person or given through an API: Unicode labels become A-labels
    /// (IDNA punycode); the name is absolute whether or not it ends with a dot.</summary>
    public static bool TryParseUserInput(string text, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        text = text.Trim();
        if (text.Length == 0) { error = "empty name"; return false; }
        if (!Ascii.IsValid(text))
        {
            try
            {
                string trimmed = text.EndsWith('.') ? text[..^1] : text;
                text = new IdnMapping().GetAscii(trimmed) + ".";
            }
            catch (ArgumentException)
            {
                error = "not a valid internationalized domain name";
                return false;
            }
        }
        if (!text.EndsWith('.')) text += ".";
        return TryParse(Encoding.ASCII.GetBytes(text), Root, out name, out error);
    }

    /// <summary>Parses presentation form, throwing <see cref="FormatException"/> on bad input. For tests and configuration.</summary>
    public static DnsName Parse(string text, DnsName? origin = null)
    {
        if (!TryParse(Encoding.Latin1.GetBytes(text), origin, out var name, out var error))
            throw new FormatException($"'{text}': {error}");
        return name;
    }

    /// <summary>True when this name equals <paramref name="zone"/> or lies below it.</summary>
    public bool IsSubdomainOf(DnsName zone)
    {
        int offset = _wire.Length - zone._wire.Length;
        if (offset < 0) return false;
        if (!WireEqualsIgnoreCase(_wire.AsSpan(offset), zone._wire)) return false;
        // The suffix must start on a label boundary.
        for (int i = 0; ; i += _wire[i] + 1)
        {
            if (i == offset) return true;
            if (i > offset || _wire[i] == 0) return false;
        }
    }

    /// <summary>The name with its leftmost label removed; the root's parent is the root.</summary>
    public DnsName Parent() => IsRoot ? this : FromValidatedWire(_wire.AsSpan(_wire[0] + 1).ToArray());

    /// <summary>The name with <paramref name="count"/> leftmost labels removed.</summary>
    public DnsName StripLeft(int count)
    {
        int i = 0;
        for (int n = 0; n < count && _wire[i] != 0; n++) i += _wire[i] + 1;
        return i == 0 ? this : FromValidatedWire(_wire.AsSpan(i).ToArray());
    }

    /// <summary>Prepends one label (given as raw octets).</summary>
    public bool TryPrepend(ReadOnlySpan<byte> label, [NotNullWhen(true)] out DnsName? name)
    {
        name = null;
        if (label.IsEmpty || label.Length > MaxLabelLength || _wire.Length + label.Length + 1 > MaxWireLength) return false;
        var wire = new byte[_wire.Length + label.Length + 1];
        wire[0] = (byte)label.Length;
        label.CopyTo(wire.AsSpan(1));
        _wire.CopyTo(wire.AsSpan(label.Length + 1));
        name = new DnsName(wire);
        return true;
    }

    /// <summary>The same name with ASCII letters lowercased (the form DNSSEC and our lookup tables use).</summary>
    public DnsName ToLower()
    {
        int i = _wire.AsSpan().IndexOfAnyInRange((byte)'A', (byte)'Z');
        if (i < 0) return this;
        var lower = (byte[])_wire.Clone();
        LowercaseInPlace(lower);
        return new DnsName(lower);
    }

    /// <summary>Lowercases ASCII letters of wire octets in place. Length octets are never letters
    /// (they are at most 63), so the whole span can be folded at once.</summary>
    public static void LowercaseInPlace(Span<byte> wire)
    {
        for (int i = 0; i < wire.Length; i++)
        {
            byte b = wire[i];
            if ((uint)(b - 'A') <= 'Z' - 'A') wire[i] = (byte)(b | 0x20);
        }
    }

    /// <summary>Presentation form, absolute, with BIND's escapes.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(_wire.Length + 8);
        AppendPresentation(sb, _wire, omitFinalDot: false);
        return sb.ToString();
    }

    /// <summary>Presentation relative to <paramref name="origin"/> ("@" for the origin itself), absolute when outside it.</summary>
    public string ToString(DnsName origin)
    {
        if (!IsSubdomainOf(origin)) return ToString();
        int prefix = _wire.Length - origin._wire.Length;
        if (prefix == 0) return "@";
        var sb = new StringBuilder(prefix + 4);
        AppendPresentation(sb, _wire.AsSpan(0, prefix), omitFinalDot: true);
        return sb.ToString();
    }

    /// <summary>Appends wire-form labels (a name, or a prefix of one) in presentation form.</summary>
    public static void AppendPresentation(StringBuilder sb, ReadOnlySpan<byte> wire, bool omitFinalDot)
    {
        if (wire.Length == 0 || wire[0] == 0)
        {
            sb.Append('.');
            return;
        }
        int i = 0;
        while (i < wire.Length && wire[i] != 0)
        {
            int len = wire[i];
            foreach (byte c in wire.Slice(i + 1, len)) AppendEscaped(sb, c);
            i += len + 1;
            bool last = i >= wire.Length || wire[i] == 0;
            if (!last || !omitFinalDot) sb.Append('.');
        }
    }

    private static void AppendEscaped(StringBuilder sb, byte c)
    {
        switch (c)
        {
            case (byte)'"' or (byte)'(' or (byte)')' or (byte)'.' or (byte)';' or (byte)'\\' or (byte)'@' or (byte)'$':
                sb.Append('\\').Append((char)c);
                break;
            default:
                if (c <= 0x20 || c >= 0x7f)
                    sb.Append('\\').Append(((int)c).ToString("D3", CultureInfo.InvariantCulture));
                else
                    sb.Append((char)c);
                break;
        }
    }

    /// <summary>RFC 4034 §6.1 canonical order: labels compared right to left as lowercased octet strings.</summary>
    public int CompareTo(DnsName? other)
    {
        if (other is null) return 1;
        return CompareCanonical(_wire, other._wire);
    }

    /// <summary>Canonical comparison of two uncompressed wire names.</summary>
    public static int CompareCanonical(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Span<byte> offsetsA = stackalloc byte[128];
        Span<byte> offsetsB = stackalloc byte[128];
        int countA = LabelOffsets(a, offsetsA);
        int countB = LabelOffsets(b, offsetsB);
        while (countA > 0 && countB > 0)
        {
            countA--;
            countB--;
            var labelA = a.Slice(offsetsA[countA] + 1, a[offsetsA[countA]]);
            var labelB = b.Slice(offsetsB[countB] + 1, b[offsetsB[countB]]);
            int common = Math.Min(labelA.Length, labelB.Length);
            for (int i = 0; i < common; i++)
            {
                int d = Lower(labelA[i]) - Lower(labelB[i]);
                if (d != 0) return d;
            }
            if (labelA.Length != labelB.Length) return labelA.Length - labelB.Length;
        }
        return countA - countB;
    }

    private static int LabelOffsets(ReadOnlySpan<byte> wire, Span<byte> offsets)
    {
        int count = 0;
        for (int i = 0; i < wire.Length && wire[i] != 0; i += wire[i] + 1) offsets[count++] = (byte)i;
        return count;
    }

    public bool Equals(DnsName? other) => other is not null && (ReferenceEquals(this, other) || WireEqualsIgnoreCase(_wire, other._wire));

    public override bool Equals(object? obj) => obj is DnsName other && Equals(other);

    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var hash = new HashCode();
        foreach (byte b in _wire) hash.Add(Lower(b));
        int value = hash.ToHashCode();
        _hash = value == 0 ? 1 : value;
        return _hash;
    }

    public static bool operator ==(DnsName? left, DnsName? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(DnsName? left, DnsName? right) => !(left == right);

    public static bool operator <(DnsName left, DnsName right) => left.CompareTo(right) < 0;

    public static bool operator >(DnsName left, DnsName right) => left.CompareTo(right) > 0;

    public static bool operator <=(DnsName left, DnsName right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DnsName left, DnsName right) => left.CompareTo(right) >= 0;

    /// <summary>Compares wire octets ignoring ASCII case (length octets never collide with letters).</summary>
    public static bool WireEqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && Lower(a[i]) != Lower(b[i])) return false;
        }
        return true;
    }

    private static byte Lower(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
