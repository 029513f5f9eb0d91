using Meridian.Dns.Names;

namespace Meridian.Platform.Naming;

/// <summary>Checks on the labels of names that users type: host-name characters, underscores where DNS
/// conventions use them (<c>_dmarc</c>, <c>_sip._tcp</c>), a wildcard only as the leftmost label.</summary>
internal static class DnsLabels
{
    /// <summary>Null when every label is letters, digits, '-' (and '_' when allowed), with '*' only as a whole
    /// leftmost label; where '_' is not allowed (host names) no label starts or ends with '-'.</summary>
    public static string? FindProblem(DnsName name, bool allowUnderscore, bool allowWildcard)
    {
        var wire = name.Wire;
        int index = 0;
        for (int i = 0; wire[i] != 0; i += wire[i] + 1, index++)
        {
            var label = wire.Slice(i + 1, wire[i]);
            if (label is [(byte)'*'])
            {
                if (allowWildcard && index == 0) continue;
                return allowWildcard ? "'*' is only allowed as the leftmost label" : "'*' is not allowed in this name";
            }
            if (!allowUnderscore && (label[0] == (byte)'-' || label[^1] == (byte)'-'))
                return $"label '{LabelText(label)}' may not start or end with '-'";
            foreach (byte c in label)
            {
                bool ok = (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '-' || (allowUnderscore && c == '_');
                if (!ok)
                {
                    string allowed = allowUnderscore ? "letters, digits, '-' and '_'" : "letters, digits and '-'";
                    return $"label '{LabelText(label)}' may only hold {allowed}";
                }
            }
        }
        return null;
    }

    /// <summary>ASCII lowercase; names we store are lowercase A-labels.</summary>
    public static string Lower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            span[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }
    });

    private static string LabelText(ReadOnlySpan<byte> label)
    {
        var sb = new System.Text.StringBuilder();
        DnsName.AppendPresentation(sb, [(byte)label.Length, .. label, 0], omitFinalDot: true);
        return sb.ToString();
    }
}
