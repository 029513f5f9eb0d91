namespace Meridian.Dns.Rdata;

/// <summary>A syntax check of POSIX extended regular expressions (IEEE 1003.1 §9.4), strict in the places
/// BIND's checker is: no empty alternatives, no repetition of nothing, of an anchor or of a repetition,
/// bounds of at most 255, valid bracket ranges and class names. Iterative: the input is a zone file's.</summary>
internal static class ExtendedRegex
{
    private const int MaxBound = 255;

    private static readonly string[] s_classes =
        ["alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit"];

    /// <summary>The number of parenthesized groups, or -1 when the expression is not valid.</summary>
    public static int CountGroups(ReadOnlySpan<byte> regex)
    {
        if (regex.IsEmpty) return -1;
        int groups = 0, closedGroups = 0, depth = 0;
        // What the last item was decides what may follow: a repetition needs something repeatable.
        var last = Item.BranchStart;
        int i = 0;
        while (i < regex.Length)
        {
            byte c = regex[i];
            switch (c)
            {
                case (byte)'(':
                    groups++;
                    depth++;
                    last = Item.GroupStart;
                    i++;
                    break;
                case (byte)')' when depth > 0:
                    if (last == Item.BranchStart) return -1; // "(a|)"
                    depth--;
                    closedGroups++;
                    last = Item.Atom;
                    i++;
                    break;
                case (byte)'|':
                    if (last is Item.BranchStart or Item.GroupStart) return -1;
                    last = Item.BranchStart;
                    i++;
                    break;
                case (byte)'^' or (byte)'$':
                    last = Item.Anchor;
                    i++;
                    break;
                case (byte)'*' or (byte)'+' or (byte)'?':
                    if (last != Item.Atom) return -1;
                    last = Item.Repetition;
                    i++;
                    break;
                case (byte)'{' when i + 1 < regex.Length && RdataTokens.IsDigit(regex[i + 1]):
                    if (last != Item.Atom || !TrySkipBound(regex, ref i)) return -1;
                    last = Item.Repetition;
                    break;
                case (byte)'[':
                    if (!TrySkipBracket(regex, ref i)) return -1;
                    last = Item.Atom;
                    break;
                case (byte)'\\':
                    if (i + 1 >= regex.Length) return -1;
                    byte escaped = regex[i + 1];
                    if (RdataTokens.IsDigit(escaped) && (escaped == (byte)'0' || escaped - '0' > closedGroups)) return -1;
                    last = Item.Atom;
                    i += 2;
                    break;
                default:
                    last = Item.Atom;
                    i++;
                    break;
            }
        }
        if (depth > 0 || last == Item.BranchStart) return -1;
        return groups;
    }

    private enum Item
    {
        BranchStart,
        GroupStart,
        Anchor,
        Atom,
        Repetition,
    }

    /// <summary>Skips <c>{m}</c>, <c>{m,}</c> or <c>{m,n}</c> with m ≤ n ≤ 255.</summary>
    private static bool TrySkipBound(ReadOnlySpan<byte> regex, ref int i)
    {
        i++;
        if (!TryReadCount(regex, ref i, out int min)) return false;
        int max = min;
        if (i < regex.Length && regex[i] == (byte)',')
        {
            i++;
            max = MaxBound;
            if (i < regex.Length && RdataTokens.IsDigit(regex[i]) && (!TryReadCount(regex, ref i, out max) || max < min)) return false;
        }
        if (i >= regex.Length || regex[i] != (byte)'}') return false;
        i++;
        return min <= MaxBound && max <= MaxBound;
    }

    private static bool TryReadCount(ReadOnlySpan<byte> regex, ref int i, out int value)
    {
        value = 0;
        int start = i;
        while (i < regex.Length && RdataTokens.IsDigit(regex[i]))
        {
            value = Math.Min(value * 10 + (regex[i] - '0'), MaxBound + 1);
            i++;
        }
        return i > start;
    }

    /// <summary>Skips a bracket expression: <c>[</c>, optional <c>^</c>, a leading <c>]</c> taken literally,
    /// then characters, ranges, <c>[:class:]</c>, <c>[.coll.]</c> and <c>[=equiv=]</c> up to <c>]</c>.</summary>
    private static bool TrySkipBracket(ReadOnlySpan<byte> regex, ref int i)
    {
        i++;
        if (i < regex.Length && regex[i] == (byte)'^') i++;
        bool first = true;
        int previous = -1; // the last single character, a possible range start
        bool afterRange = false;
        while (i < regex.Length)
        {
            byte c = regex[i];
            if (c == (byte)']' && !first)
            {
                i++;
                return true;
            }
            first = false;
            if (c == (byte)'[' && i + 1 < regex.Length && regex[i + 1] is (byte)':' or (byte)'.' or (byte)'=')
            {
                byte kind = regex[i + 1];
                int end = IndexOfTerminator(regex, i + 2, kind);
                if (end < 0) return false;
                var name = regex[(i + 2)..end];
                if (kind == (byte)':' && !IsClassName(name)) return false;
                previous = kind == (byte)'.' && name.Length > 0 ? name[0] : -1;
                afterRange = false;
                i = end + 2;
                continue;
            }
            if (c == (byte)'-' && previous >= 0 && i + 1 < regex.Length && regex[i + 1] != (byte)']')
            {
                if (afterRange) return false; // "[a-c-e]"
                int j = i + 1;
                int end = regex[j];
                if (regex[j] == (byte)'[' && j + 1 < regex.Length && regex[j + 1] == (byte)'.')
                {
                    int close = IndexOfTerminator(regex, j + 2, (byte)'.');
                    if (close < 0 || close == j + 2) return false;
                    end = regex[j + 2];
                    j = close + 1;
                }
                if (end < previous) return false;
                i = j + 1;
                previous = -1;
                afterRange = true;
                continue;
            }
            if (c == (byte)'-' && afterRange && i + 1 < regex.Length && regex[i + 1] != (byte)']') return false;
            previous = c;
            afterRange = false;
            i++;
        }
        return false;
    }

    /// <summary>Index of the <c>X]</c> that closes a <c>[X…X]</c> item, or -1.</summary>
    private static int IndexOfTerminator(ReadOnlySpan<byte> regex, int from, byte kind)
    {
        for (int j = from; j + 1 < regex.Length; j++)
        {
            if (regex[j] == kind && regex[j + 1] == (byte)']') return j;
        }
        return -1;
    }

    private static bool IsClassName(ReadOnlySpan<byte> name)
    {
        foreach (string known in s_classes)
        {
            if (System.Text.Ascii.Equals(name, known)) return true;
        }
        return false;
    }
}
