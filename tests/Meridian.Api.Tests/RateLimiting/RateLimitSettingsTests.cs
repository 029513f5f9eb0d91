using Meridian.Api.RateLimiting;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.RateLimiting;

/// <summary>The "RateLimits" settings are checked when the server starts.</summary>
public sealed class RateLimitSettingsTests
{
    [Theory]
    [InlineData(0, 100, "PerHour must be at least 1")]
    [InlineData(1000, 0, "PerMinute must be at least 1")]
    [InlineData(100, 1000, "must not exceed")]
    [InlineData(1000, 100, "BurstWindow must be between 00:00:01 and 01:00:00 (got 00:00:00.5000000)", 0.5)]
    [InlineData(1000, 100, "BurstWindow must be between", 3601)]
    public void Settings_that_make_no_sense_are_refused(int perHour, int perMinute, string problem, double burstSeconds = 60)
    {
        var problems = new RateLimitOptions { PerHour = perHour, PerMinute = perMinute, BurstWindow = TimeSpan.FromSeconds(burstSeconds) }.Validate();
        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Empty(new RateLimitOptions().Validate());
    }

    [Fact]
    public async Task The_server_does_not_start_with_a_burst_limit_above_the_hourly_budget()
    {
        string directory = Path.Combine(Path.GetTempPath(), "meridian-api-tests-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            // The real executable, as an operator starts it: refused before it listens, one line naming both keys.
            var (exit, output) = await ExternalTool.RunAsync("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "meridian.dll"), "serve", "--data", directory, "--http", "127.0.0.1:1", "--dns", "127.0.0.1:0",
                 "--RateLimits:PerHour=50", "--RateLimits:PerMinute=60"], timeout: TimeSpan.FromSeconds(90));
            Assert.Equal(2, exit);
            Assert.Contains("meridian serve: configuration: RateLimits:PerMinute (60) must not exceed RateLimits:PerHour (50)", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
