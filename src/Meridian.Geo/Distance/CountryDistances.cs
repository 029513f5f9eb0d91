namespace Meridian.Geo;

/// <summary>Centroid-to-centroid distances between every pair of countries, computed once (about 250 KB).</summary>
internal static class CountryDistances
{
    private static readonly int s_count = Countries.Count;
    private static readonly float[] s_kilometres = Build();

    public static float Between(int countryA, int countryB) => s_kilometres[(countryA * s_count) + countryB];

    /// <summary>Distance from a country to the nearest member of a set, or +infinity for an empty set.</summary>
    public static float ToNearest(int country, CountrySet set)
    {
        float best = float.PositiveInfinity;
        int row = country * s_count;
        for (int member = set.NextIndex(0); member >= 0; member = set.NextIndex(member + 1))
        {
            float distance = s_kilometres[row + member];
            if (distance < best) best = distance;
        }
        return best;
    }

    private static float[] Build()
    {
        var all = Countries.All;
        var kilometres = new float[s_count * s_count];
        for (int a = 0; a < s_count; a++)
        {
            for (int b = a + 1; b < s_count; b++)
            {
                float distance = (float)GreatCircle.DistanceKm(all[a].Latitude, all[a].Longitude, all[b].Latitude, all[b].Longitude);
                kilometres[(a * s_count) + b] = distance;
                kilometres[(b * s_count) + a] = distance;
            }
        }
        return kilometres;
    }
}
