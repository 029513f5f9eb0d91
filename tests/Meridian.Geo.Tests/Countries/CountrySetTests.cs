namespace Meridian.Geo.Tests.Countries;

public class CountrySetTests
{
    [Fact]
    public void Members_in_every_word_are_found_counted_and_iterated()
    {
        int[] indexes = [0, 5, 63, 64, 127, 128, 200, 255];
        var set = CountrySet.Empty;
        foreach (int index in indexes) set = set.With(index);

        Assert.Equal(indexes.Length, set.Count);
        Assert.All(indexes, index => Assert.True(set.Contains(index)));
        Assert.False(set.Contains(1));
        Assert.False(set.Contains(-1));
        Assert.False(set.Contains(256));
        var iterated = new List<int>();
        for (int i = set.NextIndex(0); i >= 0; i = set.NextIndex(i + 1)) iterated.Add(i);
        Assert.Equal(indexes, iterated);
    }

    [Fact]
    public void Union_and_except_combine_sets()
    {
        var a = CountrySet.Empty.With(1).With(70);
        var b = CountrySet.Empty.With(70).With(250);
        Assert.Equal(3, a.Union(b).Count);
        var onlyA = a.Except(b);
        Assert.True(onlyA.Contains(1));
        Assert.False(onlyA.Contains(70));
        Assert.True(CountrySet.Empty.IsEmpty);
        Assert.Equal(-1, CountrySet.Empty.NextIndex(0));
    }
}
