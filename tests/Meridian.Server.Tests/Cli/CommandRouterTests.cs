using Meridian.Server.Cli;

namespace Meridian.Server.Tests.Cli;

public class CommandRouterTests
{
    [Fact]
    public async Task Unknown_command_exits_2_and_prints_usage_to_stderr()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CommandRouter.RunAsync(["frobnicate"], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains("unknown command 'frobnicate'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("zone check FILE --origin NAME", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Help_prints_usage_and_succeeds()
    {
        var stdout = new StringWriter();
        int code = await CommandRouter.RunAsync(["--help"], stdout, new StringWriter());
        Assert.Equal(0, code);
        Assert.StartsWith("usage: meridian", stdout.ToString(), StringComparison.Ordinal);
    }
}
