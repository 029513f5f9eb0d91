namespace Meridian.Geo.Tests.Distance;

public class GreatCircleTests
{
    // Published great-circle distances between airports (coordinates of the airport reference points).
    [Theory]
    [InlineData(40.6413, -73.7781, 51.4700, -0.4543, 5555)]     // JFK - LHR, 3,451 mi
    [InlineData(37.6213, -122.3790, 40.6413, -73.7781, 4162)]  // SFO - JFK, 2,586 mi
    [InlineData(-33.9399, 151.1753, -37.6690, 144.8410, 706)]  // SYD - MEL, 439 mi
    [InlineData(49.0097, 2.5479, 51.4700, -0.4543, 348)]       // CDG - LHR, 216 mi
    public void Known_city_pairs_are_within_one_percent(double lat1, double lon1, double lat2, double lon2, double km)
    {
        Assert.InRange(GreatCircle.DistanceKm(lat1, lon1, lat2, lon2), km * 0.99, km * 1.01);
        Assert.InRange(GreatCircle.DistanceKm(lat2, lon2, lat1, lon1), km * 0.99, km * 1.01);
    }

    [Fact]
    public void Geometry_special_cases_hold()
    {
        double quarter = Math.PI * GreatCircle.EarthRadiusKm / 2;
        Assert.Equal(0, GreatCircle.DistanceKm(10, 20, 10, 20), 9);
        Assert.Equal(quarter, GreatCircle.DistanceKm(0, 0, 0, 90), 6);
        Assert.Equal(quarter, GreatCircle.DistanceKm(0, 0, 90, 0), 6);
        Assert.Equal(2 * quarter, GreatCircle.DistanceKm(0, 0, 0, 180), 6);
        Assert.Equal(2 * quarter, GreatCircle.DistanceKm(45, 30, -45, -150), 6);
        // Crossing the antimeridian takes the short way round.
        Assert.Equal(GreatCircle.DistanceKm(0, 179, 0, 181 - 360), GreatCircle.DistanceKm(0, -1, 0, 1), 6);
    }

    [Fact]
    public void Country_distances_are_symmetric_and_plausible()
    {
        Assert.True(Geo.Countries.TryGet("FR", out var france));
        Assert.True(Geo.Countries.TryGet("DE", out var germany));
        Assert.True(Geo.Countries.TryGet("AU", out var australia));
        float near = CountryDistances.Between(france.Index, germany.Index);
        Assert.Equal(near, CountryDistances.Between(germany.Index, france.Index));
        Assert.InRange(near, 300, 1000);
        Assert.InRange(CountryDistances.Between(france.Index, australia.Index), 14000, 18000);
        Assert.Equal(0, CountryDistances.Between(france.Index, france.Index));
        var set = CountrySet.Empty.With(germany.Index).With(australia.Index);
        Assert.Equal(near, CountryDistances.ToNearest(france.Index, set));
        Assert.Equal(float.PositiveInfinity, CountryDistances.ToNearest(france.Index, CountrySet.Empty));
    }
}
