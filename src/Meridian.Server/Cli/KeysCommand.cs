using System.Globalization;
using Meridian.Api.Admin;
using Meridian.Platform.Services;

namespace Meridian.Server.Cli;

/// <summary><c>meridian keys create|list|revoke</c>: a key's token is printed once, alone on the last line.</summary>
internal static class KeysCommand
{
    public const string Usage = """
          keys create --account ACCOUNT_ID_OR_NAME --name KEY_NAME [--environment production|sandbox] [--scope SCOPE ...] [--data DIR | --database CS]
              issue an API key; the token is printed alone on the last line
          keys list --account ACCOUNT_ID_OR_NAME [--data DIR | --database CS]
              the account's keys: name, environment, prefix, scopes, created, last used, revoked
          keys revoke --account ACCOUNT_ID_OR_NAME --name KEY_NAME [--data DIR | --database CS]
              revoke the account's live key of that name
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string verb = args.Length > 0 ? args[0] : "";
        var rest = args.Length > 0 ? args[1..] : [];
        return verb switch
        {
            "create" => await CreateAsync(new CommandArguments(rest, new HashSet<string> { "--account", "--name", "--environment", "--scope" }), stdout, stderr),
            "list" => await ListAsync(new CommandArguments(rest, new HashSet<string> { "--account" }), stdout, stderr),
            "revoke" => await RevokeAsync(new CommandArguments(rest, new HashSet<string> { "--account", "--name" }), stdout, stderr),
            _ => await Fail(stderr, $"unknown keys command '{verb}'"),
        };
    }

    private static async Task<int> CreateAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        if (a["--name"] is not { Length: > 0 } name) return await Fail(stderr, "--name is required");
        if (!AdminApiEndpoints.TryParseEnvironment(a["--environment"], out var environment)) return await Fail(stderr, "--environment must be production or sandbox");

        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var account = await AccountsCommand.FindAsync(platform.Get<AccountService>(), which);
        if (account is null) return await NoAccount(stderr, which);
        var key = await platform.Get<ApiKeyService>().IssueAsync(account.Id, name, environment, a.All("--scope"));
        if (!key.Succeeded) return await Fail(stderr, key.Error.Message, usage: false);
        await stdout.WriteLineAsync($"issued {environment.ToString().ToLowerInvariant()} key '{name}' for {account.Name} ({account.Id}), " +
                                    $"scopes {string.Join(' ', key.Value.Key.Scopes)}; token (shown once):");
        await stdout.WriteLineAsync(key.Value.Token);
        return 0;
    }

    private static async Task<int> ListAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var account = await AccountsCommand.FindAsync(platform.Get<AccountService>(), which);
        if (account is null) return await NoAccount(stderr, which);
        await stdout.WriteLineAsync("NAME\tENVIRONMENT\tPREFIX\tSCOPES\tCREATED\tLAST_USED\tREVOKED");
        foreach (var key in await platform.Get<ApiKeyService>().ListAsync(account.Id))
        {
            await stdout.WriteLineAsync(string.Join('\t', key.Name, key.Environment.ToString().ToLowerInvariant(), key.Prefix,
                key.Scopes.Length == 0 ? "(defaults)" : string.Join(',', key.Scopes), Time(key.CreatedAt), Time(key.LastUsedAt) ?? "never",
                Time(key.RevokedAt) ?? "-"));
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        if (a["--name"] is not { Length: > 0 } name) return await Fail(stderr, "--name is required");
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var account = await AccountsCommand.FindAsync(platform.Get<AccountService>(), which);
        if (account is null) return await NoAccount(stderr, which);
        var revoked = await platform.Get<ApiKeyService>().RevokeByNameAsync(account.Id, name);
        if (!revoked.Succeeded) return await Fail(stderr, $"{account.Name} has no live key named '{name}'", usage: false);
        await stdout.WriteLineAsync($"revoked key '{revoked.Value.Name}' ({revoked.Value.Prefix}) of {account.Name}");
        return 0;
    }

    private static string? Time(DateTime? at) => at?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static Task<int> NoAccount(TextWriter stderr, string which) =>
        Fail(stderr, $"no account '{which}' (give its id, or a name only one account has)", usage: false);

    private static async Task<int> Fail(TextWriter stderr, string message, bool usage = true)
    {
        await stderr.WriteLineAsync($"meridian keys: {message}");
        if (usage) await stderr.WriteLineAsync("usage:\n" + Usage);
        return usage ? 2 : 1;
    }
}
