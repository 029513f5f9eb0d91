using Meridian.Platform.Storage;

namespace Meridian.Platform.Tests.Storage;

public sealed class RowIdsTests
{
    [Fact]
    public void NewVersion7_is_a_version_7_RFC_9562_uuid_carrying_the_given_millisecond()
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, 45, 1, 234, TimeSpan.Zero);
        var id = RowIds.NewVersion7(at);
        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2); // the RFC 9562 variant: 10xx
        byte[] bytes = id.ToByteArray(bigEndian: true);
        long milliseconds = 0;
        for (int i = 0; i < 6; i++) milliseconds = milliseconds << 8 | bytes[i];
        Assert.Equal(at.ToUnixTimeMilliseconds(), milliseconds);
    }

    [Fact]
    public void NewVersion7_ids_of_one_millisecond_differ_across_buffer_refills_and_threads()
    {
        var at = DateTimeOffset.UtcNow;
        // 4,096-byte buffers of 10 random bytes per id: 2,000 ids per thread refill the buffer several times.
        var perThread = Enumerable.Range(0, 4).AsParallel().Select(_ => Enumerable.Range(0, 2000).Select(_ => RowIds.NewVersion7(at)).ToList()).ToList();
        var all = perThread.SelectMany(ids => ids).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void NewVersion7_ids_sort_by_time_across_milliseconds()
    {
        var first = RowIds.NewVersion7(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var second = RowIds.NewVersion7(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_001));
        Assert.True(string.CompareOrdinal(first.ToString(), second.ToString()) < 0);
    }
}
