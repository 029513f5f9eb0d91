using Meridian.Api.Admin;
using Meridian.Platform.Services;

namespace Meridian.Server.Cli;

/// <summary><c>meridian keys create --account ACCOUNT_ID_OR_NAME --name KEY_NAME [--environment production|sandbox]</c>:
/// issues a key and prints the token alone on the last line.</summary>
internal static class KeysCommand
{
    public const string Usage = """
          keys create --account ACCOUNT_ID_OR_NAME --name KEY_NAME [--environment production|sandbox] [--data DIR | --database CS]
              issue an API key; the token is printed alone on the last line
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "create") return await Fail(stderr, $"unknown keys command '{(args.Length > 0 ? args[0] : "")}'");
        var a = new CommandArguments(args[1..], new HashSet<string> { "--account", "--name", "--environment" });
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        if (a["--name"] is not { Length: > 0 } name) return await Fail(stderr, "--name is required");
        if (!AdminApiEndpoints.TryParseEnvironment(a["--environment"], out var environment)) return await Fail(stderr, "--environment must be production or sandbox");

        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var account = await AccountsCommand.FindAsync(platform.Get<AccountService>(), which);
        if (account is null) return await Fail(stderr, $"no account '{which}' (give its id, or a name only one account has)", usage: false);
        var key = await platform.Get<ApiKeyService>().IssueAsync(account.Id, name, environment);
        if (!key.Succeeded) return await Fail(stderr, key.Error.Message, usage: false);
        await stdout.WriteLineAsync($"issued {environment.ToString().ToLowerInvariant()} key '{name}' for {account.Name} ({account.Id}); token (shown once):");
        await stdout.WriteLineAsync(key.Value.Token);
        return 0;
    }

    private static async Task<int> Fail(TextWriter stderr, string message, bool usage = true)
    {
        await stderr.WriteLineAsync($"meridian keys: {message}");
        if (usage) await stderr.WriteLineAsync("usage:\n" + Usage);
        return usage ? 2 : 1;
    }
}
