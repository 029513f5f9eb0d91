using System.Runtime;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;

namespace Meridian.Server.Cli;

/// <summary><c>meridian zone check FILE --origin NAME [--allow-include] [--class CLASS]</c>: prints the
/// zone's records one per line in BIND's order and presentation, or <c>FILE:LINE:COL: message</c> lines
/// on stderr and exit code 1. Usage errors exit with 2.</summary>
internal static class ZoneCheckCommand
{
    private const string Usage = "usage: meridian zone check FILE --origin NAME [--allow-include] [--class CLASS]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, origin = null, className = null;
        bool allowInclude = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--origin" when i + 1 < args.Length:
                    origin = args[++i];
                    break;
                case "--class" when i + 1 < args.Length:
                    className = args[++i];
                    break;
                case "--allow-include":
                    allowInclude = true;
                    break;
                default:
                    if (args[i].StartsWith('-') || file is not null) return UsageError(stderr, $"unexpected argument '{args[i]}'");
                    file = args[i];
                    break;
            }
        }
        if (file is null) return UsageError(stderr, "missing FILE");
        if (origin is null) return UsageError(stderr, "missing --origin NAME");
        if (!DnsName.TryParseUserInput(origin, out var originName, out string? error))
            return UsageError(stderr, $"bad origin '{origin}': {error}");
        var dnsClass = DnsClass.IN;
        if (className is not null && !DnsTypeNames.TryParseClass(System.Text.Encoding.ASCII.GetBytes(className), out dnsClass))
            return UsageError(stderr, $"bad class '{className}'");

        bool quiet = SuspendCollections(file);
        try
        {
            return ZoneCheck.Run(new ZoneCheckOptions
            {
                FilePath = file,
                Origin = originName,
                Class = dnsClass,
                AllowInclude = allowInclude,
            }, stdout, stderr);
        }
        finally
        {
            if (quiet && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }

    /// <summary>A one-shot check keeps everything it reads until it has printed it, so collections while
    /// loading only trace and move live data. They are suspended for a budget sized to the file (about 24
    /// octets allocated per octet read, at most 1 GiB); past it the runtime simply collects again.</summary>
    private static bool SuspendCollections(string file)
    {
        const long MinimumBudget = 16L << 20, MaximumBudget = 1L << 30;
        long length = File.Exists(file) ? new FileInfo(file).Length : 0;
        try
        {
            return GC.TryStartNoGCRegion(Math.Clamp(length * 24, MinimumBudget, MaximumBudget));
        }
        catch (ArgumentOutOfRangeException)
        {
            // The budget is larger than this runtime allows; collect as usual.
            return false;
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"meridian zone check: {message}");
        stderr.WriteLine(Usage);
        return 2;
    }
}
