namespace Meridian.Platform.Simple;

/// <summary>The names of <c>SimpleApi:Backend</c>.</summary>
public static class SimpleApiBackends
{
    /// <summary>Records are this platform's: written through the one write path, answered by its DNS at once.</summary>
    public const string Meridian = "meridian";

    /// <summary>Records are kept at DNSimple (the original service's only backend).</summary>
    public const string DNSimple = "dnsimple";
}
