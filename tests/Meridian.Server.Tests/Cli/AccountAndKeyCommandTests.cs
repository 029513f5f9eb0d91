using Meridian.Platform.Auth;
using Meridian.Server.Cli;
using Microsoft.Data.Sqlite;

namespace Meridian.Server.Tests.Cli;

/// <summary>The operator's account and key commands against a real SQLite data directory, as scripts run them:
/// the token alone on the last line, tab-separated listings, exit codes.</summary>
public sealed class AccountAndKeyCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "meridian-cli-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task A_partner_gets_named_keys_per_environment_that_are_listed_and_revoked_by_name()
    {
        var (code, output, _) = await RunAsync("accounts", "create", "--kind", "partner", "--name", "Acme Hosting", "--email", "ops@acme.example");
        Assert.Equal(0, code);
        Assert.StartsWith(ApiToken.LivePrefix, LastLine(output), StringComparison.Ordinal);

        (code, output, _) = await RunAsync("keys", "create", "--account", "Acme Hosting", "--name", "staging", "--environment", "sandbox");
        Assert.Equal(0, code);
        Assert.StartsWith(ApiToken.TestPrefix, LastLine(output), StringComparison.Ordinal);
        (code, output, _) = await RunAsync("keys", "create", "--account", "Acme Hosting", "--name", "mail", "--scope", "User.Update", "--scope", "dns:read");
        Assert.Equal(0, code);
        Assert.Contains("scopes User.Update dns:read", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("keys", "list", "--account", "Acme Hosting");
        Assert.Equal(0, code);
        var rows = output.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["default", "staging", "mail"], rows.Select(r => r[0]));
        Assert.Equal(["production", "sandbox", "production"], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal("-", r[6]));

        (code, _, _) = await RunAsync("keys", "revoke", "--account", "Acme Hosting", "--name", "staging");
        Assert.Equal(0, code);
        (code, output, _) = await RunAsync("keys", "list", "--account", "Acme Hosting");
        Assert.NotEqual("-", output.Trim().Split('\n')[2].Split('\t')[6]);
        (code, _, string error) = await RunAsync("keys", "revoke", "--account", "Acme Hosting", "--name", "staging");
        Assert.Equal(1, code);
        Assert.Contains("no live key named 'staging'", error, StringComparison.Ordinal);
        (code, _, error) = await RunAsync("keys", "create", "--account", "Acme Hosting", "--name", "x", "--scope", "everything");
        Assert.Equal(1, code);
        Assert.Contains("Unknown scope 'everything'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_and_resume_show_in_the_account_list()
    {
        await RunAsync("accounts", "create", "--kind", "client", "--name", "Shop", "--email", "shop@example.net");
        var (code, output, _) = await RunAsync("accounts", "suspend", "--account", "Shop");
        Assert.Equal(0, code);
        Assert.Equal("Shop: suspended", output.Trim());
        (_, output, _) = await RunAsync("accounts", "list");
        Assert.EndsWith("\tsuspended", output.Trim().Split('\n')[1], StringComparison.Ordinal);
        (code, _, _) = await RunAsync("accounts", "resume", "--account", "Shop");
        Assert.Equal(0, code);
        (_, output, _) = await RunAsync("accounts", "list");
        Assert.EndsWith("\tactive", output.Trim().Split('\n')[1], StringComparison.Ordinal);
        (code, _, string error) = await RunAsync("accounts", "suspend", "--account", "Nobody");
        Assert.Equal(1, code);
        Assert.Contains("no account 'Nobody'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_password_reads_the_password_from_standard_input_and_the_account_then_signs_in_with_it()
    {
        await RunAsync("accounts", "create", "--kind", "partner", "--name", "Acme Hosting", "--email", "ops@acme.example");
        var (code, output, _) = await RunWithInputAsync("long enough secret\n", "accounts", "set-password", "--account", "Acme Hosting");
        Assert.Equal(0, code);
        Assert.Equal("Acme Hosting: password set; sign in as ops@acme.example", output.Trim());
        Assert.DoesNotContain("long enough secret", output, StringComparison.Ordinal);

        await using (var platform = await PlatformCommandContext.OpenAsync(new Dictionary<string, string> { ["--data"] = _data }))
        {
            var passwords = platform.Get<Meridian.Platform.Services.AccountPasswordService>();
            Assert.True((await passwords.VerifyAsync("ops@acme.example", "long enough secret")).Succeeded);
            Assert.False((await passwords.VerifyAsync("ops@acme.example", "long enough secret\n")).Succeeded);
        }

        string error;
        (code, _, error) = await RunWithInputAsync("", "accounts", "set-password", "--account", "Acme Hosting");
        Assert.Equal(1, code);
        Assert.Contains("no password on standard input", error, StringComparison.Ordinal);
        (code, _, error) = await RunWithInputAsync("short\n", "accounts", "set-password", "--account", "Acme Hosting");
        Assert.Equal(1, code);
        Assert.Contains("10 to 1024 characters", error, StringComparison.Ordinal);
        (code, _, error) = await RunWithInputAsync("long enough secret\n", "accounts", "set-password", "--account", "Nobody");
        Assert.Equal(1, code);
        Assert.Contains("no account 'Nobody'", error, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    private async Task<(int Code, string Output, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CommandRouter.RunAsync([.. args, "--data", _data], stdout, stderr, new StringReader(input));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
