using Meridian.Platform.Publishing;

namespace Meridian.Platform.Tests.Publishing;

public sealed class SerialNumbersTests
{
    private static readonly DateTime s_now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1u, 0u, true)]
    [InlineData(0u, 0xFFFF_FFFFu, true)]
    [InlineData(0xFFFF_FFFFu, 0u, false)]
    [InlineData(5u, 5u, false)]
    [InlineData(0x8000_0000u, 0u, false)]
    public void IsGreater_compares_on_the_serial_circle(uint a, uint b, bool expected) => Assert.Equal(expected, SerialNumbers.IsGreater(a, b));

    [Fact]
    public void Next_is_the_clock_when_ahead_else_one_more()
    {
        uint clock = SerialNumbers.Initial(s_now);
        Assert.Equal(clock, SerialNumbers.Next(clock - 100, s_now));
        Assert.Equal(clock + 1, SerialNumbers.Next(clock, s_now));
        Assert.Equal(clock + 51, SerialNumbers.Next(clock + 50, s_now));
        Assert.Equal(0u, SerialNumbers.Next(0xFFFF_FFFF, s_now.AddYears(-100)));
        Assert.True(SerialNumbers.IsGreater(SerialNumbers.Next(0xFFFF_FFFF, s_now), 0xFFFF_FFFF));
    }
}
