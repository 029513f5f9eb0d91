using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>Reads a JSON object shown inside a spec's prose, starting at its opening brace and ending at the matching
/// one however the prose runs on after it. What the specs write around JSON is made into JSON: <c>// comments</c>,
/// JavaScript object literals (bare keys, 'single-quoted' strings) and trailing commas.</summary>
public static class ProseJson
{
    public static JsonNode ReadObject(string text, int start)
    {
        if (text[start] != '{') throw new FormatException($"no object at {start}: '{Excerpt(text, start)}'");
        var json = new StringBuilder();
        int depth = 0;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                i = CopyString(text, i, json);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                int end = text.IndexOf('\n', i);
                i = (end < 0 ? text.Length : end) - 1;
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                i = CopyWord(text, i, json);
            }
            else
            {
                if (c is '}' or ']') DropTrailingComma(json);
                json.Append(c);
                depth += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
                if (depth == 0) return JsonNode.Parse(json.ToString()) ?? throw new FormatException($"null at {start}");
            }
        }
        throw new FormatException($"the object at {start} does not end: '{Excerpt(text, start)}'");
    }

    /// <summary>A quoted string as a JSON string; the index of its closing quote.</summary>
    private static int CopyString(string text, int start, StringBuilder json)
    {
        char quote = text[start];
        var value = new StringBuilder();
        int i = start + 1;
        for (; i < text.Length && text[i] != quote; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(text[i] switch { 'n' => '\n', 't' => '\t', _ => text[i] });
            }
            else
            {
                value.Append(text[i]);
            }
        }
        if (i >= text.Length) throw new FormatException($"a string at {start} does not end");
        json.Append(JsonSerializer.Serialize(value.ToString()));
        return i;
    }

    /// <summary>A bare word: a key when a colon follows (quoted), else a literal (true, false, null).</summary>
    private static int CopyWord(string text, int start, StringBuilder json)
    {
        int end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '$')) end++;
        string word = text[start..end];
        int next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        json.Append(next < text.Length && text[next] == ':' ? JsonSerializer.Serialize(word) : word);
        return end - 1;
    }

    private static void DropTrailingComma(StringBuilder json)
    {
        int last = json.Length - 1;
        while (last >= 0 && char.IsWhiteSpace(json[last])) last--;
        if (last >= 0 && json[last] == ',') json.Remove(last, 1);
    }

    private static string Excerpt(string text, int start) => text.Substring(start, Math.Min(40, text.Length - start));
}
