using System.Globalization;

namespace Meridian.Server.Hosting;

/// <summary>The process's open-file limit (RLIMIT_NOFILE), which every socket counts against. Read from
/// /proc/self/limits after the runtime has raised the soft limit to the hard one, as .NET does at start on Linux.</summary>
internal static class DescriptorLimit
{
    private const string LimitsFile = "/proc/self/limits";
    private const string OpenFilesRow = "Max open files";

    /// <summary>The soft limit; null where it cannot be read (not Linux) or is unlimited.</summary>
    public static long? Read() => OperatingSystem.IsLinux() && File.Exists(LimitsFile) ? Parse(File.ReadAllText(LimitsFile)) : null;

    /// <summary>Descriptors open now; null where it cannot be read.</summary>
    public static int? OpenNow() => OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : null;

    /// <summary>The soft limit in the text of a /proc/PID/limits file ("Max open files  1024  524288  files").</summary>
    internal static long? Parse(string limits)
    {
        foreach (string line in limits.Split('\n'))
        {
            if (!line.StartsWith(OpenFilesRow, StringComparison.Ordinal)) continue;
            string[] columns = line[OpenFilesRow.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return columns.Length > 0 && long.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : null;
        }
        return null;
    }
}
