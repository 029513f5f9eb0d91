using Meridian.Api.RateLimiting;
using Meridian.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Tests.RateLimiting;

/// <summary>The "RateLimits" settings are checked when the server starts.</summary>
public sealed class RateLimitSettingsTests
{
    [Theory]
    [InlineData(0, 100, "PerHour must be at least 1")]
    [InlineData(1000, 0, "PerMinute must be at least 1")]
    [InlineData(100, 1000, "must not exceed")]
    public void Settings_that_make_no_sense_are_refused(int perHour, int perMinute, string problem)
    {
        var problems = new RateLimitOptions { PerHour = perHour, PerMinute = perMinute }.Validate();
        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Empty(new RateLimitOptions().Validate());
    }

    [Fact]
    public void The_server_does_not_start_with_a_burst_limit_above_the_hourly_budget()
    {
        string directory = Path.Combine(Path.GetTempPath(), "meridian-api-tests-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var factory = new MeridianApiFactory(new Dictionary<string, string>
            {
                ["Meridian:DataDirectory"] = directory,
                ["RateLimits:PerHour"] = "50",
                ["RateLimits:PerMinute"] = "60",
            });
            var refused = Assert.ThrowsAny<OptionsValidationException>(factory.StartServer);
            Assert.Contains("RateLimits:PerMinute (60) must not exceed RateLimits:PerHour (50)", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
