namespace Meridian.Platform.Services;

/// <summary>A zone as a BIND zone file, with the file name to offer ("example.com.zone").</summary>
public sealed record ZoneExport(string FileName, string Text);
