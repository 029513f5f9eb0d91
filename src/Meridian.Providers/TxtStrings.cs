using System.Text;

namespace Meridian.Providers;

/// <summary>A TXT record's text as DNS carries it: character-strings of at most 255 octets. A longer logical value
/// (a 2048-bit DKIM key) is split into several strings, which receivers join back.</summary>
public static class TxtStrings
{
    public const int MaxOctets = 255;

    /// <summary>The value cut into strings of at most 255 octets (UTF-8, never inside a character).</summary>
    public static IReadOnlyList<string> Split(string value)
    {
        var parts = new List<string>();
        int start = 0;
        while (start < value.Length)
        {
            int length = 0;
            int end = start;
            while (end < value.Length)
            {
                int width = char.IsSurrogatePair(value, end) ? 2 : 1;
                int octets = Encoding.UTF8.GetByteCount(value.AsSpan(end, width));
                if (length + octets > MaxOctets) break;
                length += octets;
                end += width;
            }
            parts.Add(value[start..end]);
            start = end;
        }
        if (parts.Count == 0) parts.Add("");
        return parts;
    }

    /// <summary>Presentation form: each string quoted (<c>"…" "…"</c>), quotes and backslashes escaped.</summary>
    public static string Quoted(string value) =>
        string.Join(' ', Split(value).Select(part => "\"" + part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));

    /// <summary>The logical value of presentation form (quoted strings joined); text not starting with a quote is
    /// returned as it is.</summary>
    public static string Unquote(string text)
    {
        string trimmed = text.Trim();
        if (!trimmed.StartsWith('"')) return text;
        var value = new StringBuilder(trimmed.Length);
        bool inside = false;
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (c == '"') inside = !inside;
            else if (c == '\\' && inside && i + 1 < trimmed.Length) value.Append(trimmed[++i]);
            else if (inside) value.Append(c);
        }
        return value.ToString();
    }
}
