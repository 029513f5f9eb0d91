using Meridian.Server.Cli;

namespace Meridian.Server.Tests.Cli;

/// <summary><c>meridian tsig</c> against a real SQLite data directory: the secret alone on the last line, listings
/// without secrets, bad input refused with a message and nothing stored.</summary>
public sealed class TsigCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "meridian-cli-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Keys_are_created_with_a_printed_secret_listed_without_it_and_deleted_by_name()
    {
        var (code, output, _) = await RunAsync("tsig", "create", "--name", "NS2-Transfer");
        Assert.Equal(0, code);
        var secret = Convert.FromBase64String(LastLine(output));
        Assert.Equal(32, secret.Length);
        Assert.Contains("ns2-transfer. (hmac-sha256)", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("tsig", "create", "--name", "acme", "--algorithm", "hmac-sha512",
            "--update-zone", "example.com", "--update-name", "_acme-challenge.example.com", "--update-type", "txt");
        Assert.Equal(0, code);
        Assert.Equal(64, Convert.FromBase64String(LastLine(output)).Length);
        Assert.Contains("(types TXT)", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("tsig", "list");
        Assert.Equal(0, code);
        var rows = output.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["acme.", "ns2-transfer."], rows.Select(r => r[0]));
        Assert.Equal(["hmac-sha512", "example.com.", "_acme-challenge.example.com.", "TXT"], rows[0][1..5]);
        Assert.Equal("-", rows[1][4]);
        Assert.DoesNotContain(Convert.ToBase64String(secret), output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("tsig", "delete", "--name", "ns2-transfer.");
        Assert.Equal(0, code);
        (_, output, _) = await RunAsync("tsig", "list");
        Assert.Equal(2, output.Trim().Split('\n').Length);
        (code, _, string error) = await RunAsync("tsig", "delete", "--name", "ns2-transfer");
        Assert.Equal(1, code);
        Assert.Contains("no TSIG key named", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--name", "acme", "--algorithm", "hmac-md5")]
    [InlineData("--name", "bad..name")]
    [InlineData("--name", "acme", "--update-name", "_acme-challenge.example.com")]
    [InlineData("--name", "acme", "--update-zone", "example.com", "--update-name", "www.example.org")]
    [InlineData("--name", "acme", "--update-type", "TXT")]
    [InlineData("--name", "acme", "--update-zone", "example.com", "--update-type", "NOTATYPE")]
    [InlineData("--name", "acme", "--update-zone", "example.com", "--update-type", "ANY")]
    public async Task Bad_input_is_refused_and_nothing_is_stored(params string[] flags)
    {
        var (code, _, error) = await RunAsync(["tsig", "create", .. flags]);
        Assert.Equal(1, code);
        Assert.StartsWith("meridian tsig: ", error, StringComparison.Ordinal);
        var (_, output, _) = await RunAsync("tsig", "list");
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_second_key_of_the_same_name_is_refused()
    {
        await RunAsync("tsig", "create", "--name", "dup");
        var (code, _, error) = await RunAsync("tsig", "create", "--name", "DUP.");
        Assert.Equal(1, code);
        Assert.Contains("exists", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CommandRouter.RunAsync([.. args, "--data", _data], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].Trim();

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
