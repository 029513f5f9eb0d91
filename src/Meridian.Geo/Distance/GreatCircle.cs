namespace Meridian.Geo;

/// <summary>Great-circle distance on a spherical Earth (haversine formula).</summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius (IUGG), in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Distance in kilometres between two points given in degrees.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        double phi1 = ToRadians(latitude1), phi2 = ToRadians(latitude2);
        double halfDeltaPhi = (phi2 - phi1) / 2;
        double halfDeltaLambda = ToRadians(longitude2 - longitude1) / 2;
        double sinPhi = Math.Sin(halfDeltaPhi), sinLambda = Math.Sin(halfDeltaLambda);
        double a = (sinPhi * sinPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinLambda * sinLambda);
        // Rounding can push a a hair above 1 for antipodal points; asin would then return NaN.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, a)));
    }

    private static double ToRadians(double degrees) => degrees * (Math.PI / 180.0);
}
