namespace Meridian.Api.Tests.Support;

/// <summary>Loads an exported zone file into BIND's and Knot's own checkers.</summary>
public static class ZoneCheckers
{
    /// <summary><c>named-checkzone ORIGIN FILE</c>: exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> NamedCheckzoneAsync(string origin, string zoneText) =>
        WithFileAsync(zoneText, file => ExternalTool.RunAsync("named-checkzone", [origin, file]));

    /// <summary><c>kzonecheck -o ORIGIN FILE</c> (package knot-dnssecutils): exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> KzonecheckAsync(string origin, string zoneText) =>
        WithFileAsync(zoneText, file => ExternalTool.RunAsync("kzonecheck", ["-o", origin, file]));

    private static async Task<(int, string)> WithFileAsync(string text, Func<string, Task<(int, string)>> check)
    {
        string file = Path.Combine(Path.GetTempPath(), "meridian-export-" + Guid.NewGuid().ToString("N")[..12] + ".zone");
        await File.WriteAllTextAsync(file, text);
        try
        {
            return await check(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
