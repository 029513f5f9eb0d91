namespace Meridian.Api.Tests.Support;

/// <summary>A fact that needs Knot's <c>kzonecheck</c> (Debian package knot); skipped, saying so, when it is missing.</summary>
public sealed class KnotInstalledFactAttribute : FactAttribute
{
    public KnotInstalledFactAttribute()
    {
        if (!ZoneCheckers.KnotInstalled) Skip = "kzonecheck is not installed (apt-get install knot): the Knot check of the export is skipped";
    }
}
