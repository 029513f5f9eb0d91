using Meridian.Server.Hosting;

namespace Meridian.Server.Tests.Hosting;

/// <summary>Reading RLIMIT_NOFILE from /proc/self/limits.</summary>
public sealed class DescriptorLimitTests
{
    private const string Limits = """
        Limit                     Soft Limit           Hard Limit           Units
        Max cpu time              unlimited            unlimited            seconds
        Max open files            2048                 4096                 files
        Max locked memory         8388608              8388608              bytes
        """;

    [Fact]
    public void The_soft_limit_is_read_from_the_open_files_row() => Assert.Equal(2048, DescriptorLimit.Parse(Limits));

    [Fact]
    public void An_unlimited_or_missing_row_is_unknown()
    {
        Assert.Null(DescriptorLimit.Parse(Limits.Replace("2048 ", "unlimited", StringComparison.Ordinal)));
        Assert.Null(DescriptorLimit.Parse("Limit  Soft Limit  Hard Limit  Units\n"));
    }

    [Fact]
    public void This_process_has_a_limit_on_Linux()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(DescriptorLimit.Read() > 0);
        Assert.True(DescriptorLimit.OpenNow() > 0);
    }
}
