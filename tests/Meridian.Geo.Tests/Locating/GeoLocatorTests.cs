using static Meridian.Geo.Tests.Locating.TestDatabases;

namespace Meridian.Geo.Tests.Locating;

public sealed class GeoLocatorTests : IDisposable
{
    private readonly TestDatabases _files = new();

    public void Dispose() => _files.Dispose();

    private static string Locate(GeoLocator locator, string address) => locator.Locate(Address(address)).ToString();

    [Fact]
    public void Without_a_database_everything_is_unknown()
    {
        using var locator = new GeoLocator();
        Assert.Null(locator.Database);
        Assert.True(locator.Locate(Address("192.0.2.1")).IsUnknown);
        Assert.True(locator.Locate(Address("2001:db8::1")).IsUnknown);
    }

    [Fact]
    public void Overrides_are_checked_before_the_database()
    {
        Assert.True(GeoOverrides.TryCreate([KeyValuePair.Create("192.0.2.128/25", "GB")], out var overrides, out _));
        using var locator = new GeoLocator(overrides);
        Assert.True(locator.TryLoad(_files.TopLevelShape(), out var error), error);
        Assert.Equal("FR", Locate(locator, "192.0.2.1"));
        Assert.Equal("GB", Locate(locator, "192.0.2.200"));
        locator.Overrides = GeoOverrides.Empty;
        Assert.Equal("FR", Locate(locator, "192.0.2.200"));
    }

    [Fact]
    public void Overrides_answer_even_without_a_database()
    {
        Assert.True(GeoOverrides.TryCreate([KeyValuePair.Create("10.0.0.0/8", "KE")], out var overrides, out _));
        using var locator = new GeoLocator(overrides);
        Assert.Equal("KE", Locate(locator, "10.1.1.1"));
        Assert.Equal(Continent.Africa, locator.Locate(Address("10.1.1.1")).Continent);
        Assert.Equal("unknown", Locate(locator, "11.1.1.1"));
    }

    [Fact]
    public void Swapping_databases_changes_answers_and_closes_the_old_one()
    {
        using var locator = new GeoLocator(retireDelay: TimeSpan.Zero);
        Assert.True(locator.TryLoad(_files.TopLevelShape(), out _));
        var first = locator.Database!;
        Assert.Equal("FR", Locate(locator, "192.0.2.1"));

        Assert.True(locator.TryLoad(_files.NestedShape(), out _));
        Assert.Equal("BR", Locate(locator, "192.0.2.1"));
        Assert.NotSame(first, locator.Database);
        Assert.False(first.TryLookup(Address("192.0.2.1"), out _));

        locator.Swap(null);
        Assert.Equal("unknown", Locate(locator, "192.0.2.1"));
    }

    [Fact]
    public void A_failed_load_keeps_the_current_database()
    {
        using var locator = new GeoLocator();
        Assert.True(locator.TryLoad(_files.TopLevelShape(), out _));
        Assert.False(locator.TryLoad(_files.PathOf("missing.mmdb"), out var error));
        Assert.Contains("missing.mmdb", error, StringComparison.Ordinal);
        Assert.Equal("FR", Locate(locator, "192.0.2.1"));
    }

    [Fact]
    public void A_replaced_database_stays_open_for_the_retire_delay()
    {
        using var locator = new GeoLocator(retireDelay: TimeSpan.FromMilliseconds(100));
        Assert.True(locator.TryLoad(_files.TopLevelShape(), out _));
        var first = locator.Database!;
        Assert.True(locator.TryLoad(_files.NestedShape(), out _));
        Assert.True(first.TryLookup(Address("192.0.2.1"), out _));
        Assert.True(SpinWait.SpinUntil(() => !first.TryLookup(Address("192.0.2.1"), out _), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Dispose_closes_current_and_retiring_databases()
    {
        var locator = new GeoLocator(retireDelay: TimeSpan.FromMinutes(5));
        Assert.True(locator.TryLoad(_files.TopLevelShape(), out _));
        var first = locator.Database!;
        Assert.True(locator.TryLoad(_files.NestedShape(), out _));
        var second = locator.Database!;
        locator.Dispose();
        Assert.False(first.TryLookup(Address("192.0.2.1"), out _));
        Assert.False(second.TryLookup(Address("192.0.2.1"), out _));
        Assert.Null(locator.Database);
    }

    [Fact]
    public async Task Lookups_running_during_swaps_always_see_a_whole_database()
    {
        var top = _files.TopLevelShape();
        var nested = _files.NestedShape();
        using var locator = new GeoLocator(retireDelay: TimeSpan.FromMilliseconds(200));
        Assert.True(locator.TryLoad(top, out _));
        using var stop = new CancellationTokenSource();
        var address = Address("192.0.2.1");
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var seen = new HashSet<string>();
            while (!stop.IsCancellationRequested) seen.Add(locator.Locate(address).ToString());
            return seen;
        })).ToArray();
        for (int i = 0; i < 40; i++) Assert.True(locator.TryLoad(i % 2 == 0 ? nested : top, out _));
        await stop.CancelAsync();
        foreach (var reader in readers)
            Assert.Subset(new HashSet<string> { "FR", "BR" }, await reader);
    }
}
