namespace Meridian.Providers.Adapters;

/// <summary>Names as adapters exchange them: lowercase, no final dot; and the relative form ("@" for the apex) that
/// GoDaddy and Namecheap use.</summary>
internal static class DomainNames
{
    public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>The name and each enclosing name down to two labels ("a.b.example.com", "b.example.com", "example.com").</summary>
    public static IEnumerable<string> SelfAndParents(string domain)
    {
        string name = Normalize(domain);
        while (true)
        {
            yield return name;
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || name.IndexOf('.', dot + 1) < 0) yield break;
            name = name[(dot + 1)..];
        }
    }

    /// <summary>"@" for the zone's apex, else the labels before the zone name.</summary>
    public static string Relative(string name, string zone)
    {
        name = Normalize(name);
        if (name == zone) return "@";
        return name.EndsWith("." + zone, StringComparison.Ordinal) ? name[..^(zone.Length + 1)] : name;
    }

    /// <summary>The absolute name of a relative one ("@" or "" is the apex).</summary>
    public static string Absolute(string relative, string zone)
    {
        relative = Normalize(relative);
        return relative is "@" or "" ? zone : relative.EndsWith("." + zone, StringComparison.Ordinal) || relative == zone ? relative : relative + "." + zone;
    }
}
