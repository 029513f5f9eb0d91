using System.Reflection;

namespace Meridian.Server.Hosting;

/// <summary>Builds configuration in one documented order, lowest first: the embedded defaults,
/// ./appsettings.json (optional), environment variables MERIDIAN__SECTION__KEY, then command-line flags.</summary>
internal static class ConfigurationLayers
{
    /// <summary>Flags shared by `serve` and the account/key commands, and the keys they set.</summary>
    private static readonly Dictionary<string, string> s_flags = new(StringComparer.Ordinal)
    {
        ["--data"] = "Meridian:DataDirectory",
        ["--database"] = "Meridian:Database",
        ["--http"] = "Meridian:Http",
        ["--https"] = "Meridian:Https",
        ["--certificate"] = "Meridian:Certificate",
        ["--dns"] = "Dns:Listen",
        ["--role"] = "Meridian:Role",
    };

    public static void Apply(ConfigurationManager configuration, IReadOnlyDictionary<string, string> flags)
    {
        configuration.Sources.Clear();
        var defaults = Assembly.GetExecutingAssembly().GetManifestResourceStream("meridian.appsettings.json")
            ?? throw new InvalidOperationException("embedded defaults missing");
        configuration.AddJsonStream(defaults);
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables("MERIDIAN__");
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (flag, value) in flags)
        {
            // --dns replaces the whole listen list, which a configuration array cannot express (arrays
            // merge by index), so the host applies it after binding; see DnsListenOverride.
            if (flag != "--dns") overrides[s_flags.GetValueOrDefault(flag) ?? flag[2..]] = value;
        }
        configuration.AddInMemoryCollection(overrides);
    }

    /// <summary>The addresses of a --dns flag, which replace the configured list.</summary>
    public static IReadOnlyList<string>? DnsListenOverride(IReadOnlyDictionary<string, string> flags) =>
        flags.TryGetValue("--dns", out var value) ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

    /// <summary>Takes the known flags ("--data DIR" or "--data=DIR") and configuration settings
    /// ("--Section:Key=value") out of <paramref name="args"/>; anything else is returned as unknown.</summary>
    public static (Dictionary<string, string> Flags, List<string> Unknown) ParseFlags(IReadOnlyList<string> args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            int equals = args[i].IndexOf('=', StringComparison.Ordinal);
            if (args[i].StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                // "--Section:Key=value" is .NET's command-line configuration syntax; WebApplicationFactory
                // passes a test host's settings this way.
                flags[args[i][..equals]] = args[i][(equals + 1)..];
                continue;
            }
            if (s_flags.ContainsKey(args[i]) && i + 1 < args.Count)
            {
                flags[args[i]] = args[++i];
                continue;
            }
            unknown.Add(args[i]);
        }
        return (flags, unknown);
    }
}
