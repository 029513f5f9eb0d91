namespace Meridian.Dns.ZoneFiles;

/// <summary>A problem found in a zone file, with where it was found. Messages use BIND's wording where
/// BIND has one.</summary>
public sealed record ZoneFileError(ZoneFilePosition Position, string Message)
{
    public string File => Position.File;

    public int Line => Position.Line;

    public int Column => Position.Column;

    /// <summary><c>FILE:LINE:COL: message</c>.</summary>
    public override string ToString() => $"{Position}: {Message}";
}
