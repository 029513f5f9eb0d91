using Meridian.Server.Cli;

namespace Meridian.Server.Tests.Cli;

/// <summary><c>meridian accounts set-frame-origins --account NAME ORIGIN…</c> against a real SQLite data directory.</summary>
public sealed class FrameOriginsCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "meridian-cli-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Origins_are_normalized_replaced_and_cleared_and_bad_ones_change_nothing()
    {
        Assert.Equal(0, (await RunAsync("accounts", "create", "--kind", "partner", "--name", "Acme", "--email", "ops@acme.example")).Code);

        var (code, output, _) = await RunAsync("accounts", "set-frame-origins", "--account", "Acme", "https://App.Acme.example/", "https://admin.acme.example:8443");
        Assert.Equal(0, code);
        Assert.Equal("Acme: may be framed by https://app.acme.example https://admin.acme.example:8443", output.Trim());

        (code, _, string error) = await RunAsync("accounts", "set-frame-origins", "--account", "Acme", "https://ok.example", "https://bad.example/path");
        Assert.Equal(1, code);
        Assert.Contains("leave out the path", error, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("accounts", "set-frame-origins", "--account", "Acme");
        Assert.Equal(0, code);
        Assert.Equal("Acme: the web interface may not be framed", output.Trim());

        Assert.Equal(0, (await RunAsync("accounts", "create", "--kind", "client", "--name", "Solo", "--email", "solo@example.net")).Code);
        (code, _, error) = await RunAsync("accounts", "set-frame-origins", "--account", "Solo", "https://x.example");
        Assert.Equal(1, code);
        Assert.Contains("partner accounts only", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CommandRouter.RunAsync([.. args, "--data", _data], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
