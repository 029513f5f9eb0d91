using System.Globalization;

namespace Meridian.Platform.Naming;

/// <summary>The Public Suffix List (publicsuffix.org) rules: which names are suffixes under which anyone can
/// register (<c>com</c>, <c>co.uk</c>, <c>*.ck</c> but not <c>www.ck</c>). Read from the file Debian's
/// <c>publicsuffix</c> package installs; Unicode rules are held in A-label (punycode) form because zone
/// names are. A missing file is an error, never a silent fallback to the default rule (which would let anyone
/// host <c>co.uk</c>).</summary>
public sealed class PublicSuffixList
{
    /// <summary>Where Debian's <c>publicsuffix</c> package puts the list.</summary>
    public const string DebianPath = "/usr/share/publicsuffix/public_suffix_list.dat";

    private readonly HashSet<string> _rules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wildcards = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exceptions = new(StringComparer.Ordinal);

    private PublicSuffixList()
    {
    }

    /// <summary>How many rules were read (0 when no list was found).</summary>
    public int RuleCount => _rules.Count + _wildcards.Count + _exceptions.Count;

    /// <summary>Reads the list at <paramref name="path"/>; throws <see cref="FileNotFoundException"/> when there is no
    /// such file and <see cref="InvalidDataException"/> when it holds no rules.</summary>
    public static PublicSuffixList Load(string path = DebianPath)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no Public Suffix List at {path} (Debian's publicsuffix package installs it)", path);
        var list = Parse(File.ReadLines(path));
        if (list.RuleCount == 0) throw new InvalidDataException($"the Public Suffix List at {path} holds no rules");
        return list;
    }

    /// <summary>Reads rules in the list's format: one per line, <c>//</c> comments, <c>*.</c> and <c>!</c> prefixes.</summary>
    public static PublicSuffixList Parse(IEnumerable<string> lines)
    {
        var list = new PublicSuffixList();
        var idn = new IdnMapping();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            // A rule ends at the first white space.
            int space = line.IndexOfAny([' ', '\t']);
            if (space >= 0) line = line[..space];
            string? rule = ToAscii(idn, line.TrimStart('!').Replace("*.", "", StringComparison.Ordinal));
            if (rule is null) continue;
            if (line.StartsWith('!')) list._exceptions.Add(rule);
            else if (line.StartsWith("*.", StringComparison.Ordinal)) list._wildcards.Add(rule);
            else list._rules.Add(rule);
        }
        return list;
    }

    /// <summary>True when <paramref name="name"/> (lowercase, A-labels, with or without the final dot) is
    /// itself a public suffix, so no one zone may own it.</summary>
    public bool IsPublicSuffix(string name)
    {
        string trimmed = name.TrimEnd('.');
        return trimmed.Length == 0 || string.Equals(PublicSuffixOf(trimmed), trimmed, StringComparison.Ordinal);
    }

    /// <summary>The public suffix plus one label ("example.co.uk" for "www.example.co.uk"); null when the
    /// name is a public suffix itself.</summary>
    public string? RegistrableDomain(string name)
    {
        string trimmed = name.TrimEnd('.');
        string suffix = PublicSuffixOf(trimmed);
        if (trimmed.Length <= suffix.Length) return null;
        int start = trimmed.LastIndexOf('.', trimmed.Length - suffix.Length - 2);
        return trimmed[(start + 1)..];
    }

    /// <summary>The longest matching rule wins; an exception rule makes the suffix one label shorter; no
    /// match means the default rule "*" (the last label).</summary>
    private string PublicSuffixOf(string name)
    {
        int start = 0;
        while (true)
        {
            string candidate = name[start..];
            int dot = candidate.IndexOf('.', StringComparison.Ordinal);
            if (_exceptions.Contains(candidate)) return dot < 0 ? candidate : candidate[(dot + 1)..];
            if (_rules.Contains(candidate)) return candidate;
            if (dot >= 0 && _wildcards.Contains(candidate[(dot + 1)..])) return candidate;
            if (dot < 0) return candidate;
            start += dot + 1;
        }
    }

    private static string? ToAscii(IdnMapping idn, string rule)
    {
        if (rule.Length == 0) return null;
        try
        {
            return System.Text.Ascii.IsValid(rule) ? DnsLabels.Lower(rule) : idn.GetAscii(rule);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
