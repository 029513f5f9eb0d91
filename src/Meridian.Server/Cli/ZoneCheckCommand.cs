namespace Meridian.Server.Cli;

/// <summary><c>meridian zone check FILE --origin NAME</c>: prints the zone's records one per line in
/// BIND's order and presentation, or <c>FILE:LINE:COL: message</c> and a non-zero exit.</summary>
internal static class ZoneCheckCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        stderr.WriteLine("meridian zone check: not available yet");
        return 2;
    }
}
