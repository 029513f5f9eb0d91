namespace Meridian.Geo;

/// <summary>Which rule of the GeoDNS order chose the answer (DESIGN.md "GeoDNS semantics").</summary>
public enum GeoSelectionRule : byte
{
    /// <summary>There were no candidates.</summary>
    None,

    /// <summary>Step 1: records targeting the client's country.</summary>
    Country,

    /// <summary>Step 2: records targeting the smallest group or continent containing the client's country.</summary>
    SmallestArea,

    /// <summary>Step 3: global records (also every record when none is geo-targeted).</summary>
    Global,

    /// <summary>Step 4: records whose targets are nearest the client's country.</summary>
    Nearest,

    /// <summary>The location is unknown and no record is global: every record.</summary>
    All,
}
