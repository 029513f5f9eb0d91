using System.Globalization;
using Meridian.Api.Admin;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Server.Cli;

/// <summary><c>meridian accounts create|list|set-limit</c>. `create` also issues the account's first API
/// key and prints the token alone on the last line, for scripts.</summary>
internal static class AccountsCommand
{
    public const string Usage = """
          accounts create --kind client|partner|admin --name NAME --email EMAIL [--domain-limit N] [--data DIR | --database CS]
              create an account and its first API key; the token is printed alone on the last line
          accounts list [--data DIR | --database CS]
          accounts set-limit --account ACCOUNT_ID_OR_NAME --domain-limit N|unlimited [--data DIR | --database CS]
          accounts set-password --account ACCOUNT_ID_OR_NAME [--data DIR | --database CS]
              set the partner dashboard's sign-in password (with the account's email), read from standard input
          accounts set-frame-origins --account ACCOUNT_ID_OR_NAME [ORIGIN …] [--data DIR | --database CS]
              the origins (https://app.example.com) whose pages may embed the partner's web interface; none = not frameable
          accounts suspend|resume --account ACCOUNT_ID_OR_NAME [--data DIR | --database CS]
              refuse (403) or allow again every call of the account; nothing is deleted or unpublished
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        string verb = args.Length > 0 ? args[0] : "";
        var rest = args.Length > 0 ? args[1..] : [];
        return verb switch
        {
            "create" => await CreateAsync(new CommandArguments(rest, new HashSet<string> { "--kind", "--name", "--email", "--domain-limit" }), stdout, stderr),
            "list" => await ListAsync(new CommandArguments(rest, new HashSet<string>()), stdout, stderr),
            "set-limit" => await SetLimitAsync(new CommandArguments(rest, new HashSet<string> { "--account", "--domain-limit" }), stdout, stderr),
            "set-password" => await SetPasswordAsync(new CommandArguments(rest, new HashSet<string> { "--account" }), stdin, stdout, stderr),
            "set-frame-origins" => await SetFrameOriginsAsync(rest, stdout, stderr),
            "suspend" => await SetSuspendedAsync(new CommandArguments(rest, new HashSet<string> { "--account" }), suspended: true, stdout, stderr),
            "resume" => await SetSuspendedAsync(new CommandArguments(rest, new HashSet<string> { "--account" }), suspended: false, stdout, stderr),
            _ => await Fail(stderr, $"unknown accounts command '{verb}'"),
        };
    }

    private static async Task<int> CreateAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (!AdminApiEndpoints.TryParseKind(a["--kind"], out var kind)) return await Fail(stderr, "--kind must be client, partner or admin");
        if (a["--name"] is not { Length: > 0 } name) return await Fail(stderr, "--name is required");
        if (a["--email"] is not { Length: > 0 } email) return await Fail(stderr, "--email is required");
        int? limit = null;
        if (a["--domain-limit"] is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return await Fail(stderr, "--domain-limit must be a whole number of 0 or more");
            limit = n;
        }
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var account = await platform.Get<AccountService>().CreateAsync(kind, name, email, limit);
        if (!account.Succeeded) return await Fail(stderr, account.Error.Message, usage: false);
        var key = await platform.Get<ApiKeyService>().IssueAsync(account.Value.Id, "default", ApiEnvironment.Production);
        if (!key.Succeeded) return await Fail(stderr, key.Error.Message, usage: false);
        await stdout.WriteLineAsync($"created {kind.ToString().ToLowerInvariant()} account {account.Value.Name} ({account.Value.Id}); API key (shown once):");
        await stdout.WriteLineAsync(key.Value.Token);
        return 0;
    }

    private static async Task<int> ListAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        await stdout.WriteLineAsync("ID\tKIND\tNAME\tEMAIL\tDOMAIN_LIMIT\tSTATUS");
        foreach (var account in await platform.Get<AccountService>().ListAsync())
        {
            string limit = account.DomainLimit?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
            string status = account.SuspendedAt is null ? "active" : "suspended";
            await stdout.WriteLineAsync($"{account.Id}\t{account.Kind.ToString().ToLowerInvariant()}\t{account.Name}\t{account.Email}\t{limit}\t{status}");
        }
        return 0;
    }

    private static async Task<int> SetLimitAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        int? limit = null;
        if (a["--domain-limit"] is not { } text) return await Fail(stderr, "--domain-limit is required");
        if (text != "unlimited")
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return await Fail(stderr, "--domain-limit must be a whole number or 'unlimited'");
            limit = n;
        }
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var accounts = platform.Get<AccountService>();
        var account = await FindAsync(accounts, which);
        if (account is null) return await Fail(stderr, $"no account '{which}'", usage: false);
        var result = await accounts.SetDomainLimitAsync(account.Id, limit);
        if (!result.Succeeded) return await Fail(stderr, result.Error.Message, usage: false);
        await stdout.WriteLineAsync($"{result.Value.Name}: domain limit {text}");
        return 0;
    }

    /// <summary>The password is the first line of standard input (so it never appears in the process list or
    /// the shell's history): <c>echo "$PASSWORD" | meridian accounts set-password --account Acme</c>.</summary>
    private static async Task<int> SetPasswordAsync(CommandArguments a, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        string? password = await stdin.ReadLineAsync();
        if (string.IsNullOrEmpty(password)) return await Fail(stderr, "no password on standard input", usage: false);
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var account = await FindAsync(platform.Get<AccountService>(), which);
        if (account is null) return await Fail(stderr, $"no account '{which}'", usage: false);
        var result = await platform.Get<AccountPasswordService>().SetAsync(account.Id, password);
        if (!result.Succeeded) return await Fail(stderr, result.Error.Message, usage: false);
        await stdout.WriteLineAsync($"{result.Value.Name}: password set; sign in as {result.Value.Email}");
        return 0;
    }

    /// <summary>Flags take a value; every other argument is an origin.</summary>
    private static async Task<int> SetFrameOriginsAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var flags = new List<string>();
        var origins = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) flags.AddRange(args.Skip(i).Take(2));
            else origins.Add(args[i]);
            if (args[i].StartsWith("--", StringComparison.Ordinal)) i++;
        }
        var a = new CommandArguments(flags, new HashSet<string> { "--account" });
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var account = await FindAsync(platform.Get<AccountService>(), which);
        if (account is null) return await Fail(stderr, $"no account '{which}'", usage: false);
        var result = await platform.Get<InterfaceSettingsService>().SetFrameOriginsAsync(account.Id, origins);
        if (!result.Succeeded) return await Fail(stderr, string.Join("; ", result.Error.Problems.Select(p => p.Message)), usage: false);
        var allowed = result.Value!.FrameOrigins;
        await stdout.WriteLineAsync(allowed.Length == 0 ? $"{account.Name}: the web interface may not be framed" : $"{account.Name}: may be framed by {string.Join(' ', allowed)}");
        return 0;
    }

    private static async Task<int> SetSuspendedAsync(CommandArguments a, bool suspended, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--account"] is not { Length: > 0 } which) return await Fail(stderr, "--account is required");
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var accounts = platform.Get<AccountService>();
        var account = await FindAsync(accounts, which);
        if (account is null) return await Fail(stderr, $"no account '{which}'", usage: false);
        var result = await accounts.SetSuspendedAsync(account.Id, suspended);
        if (!result.Succeeded) return await Fail(stderr, result.Error.Message, usage: false);
        await stdout.WriteLineAsync($"{result.Value.Name}: {(suspended ? "suspended" : "active")}");
        return 0;
    }

    /// <summary>An account by id, or by name when exactly one account has it.</summary>
    public static async Task<Account?> FindAsync(AccountService accounts, string idOrName)
    {
        if (Guid.TryParse(idOrName, out var id))
        {
            var byId = await accounts.GetAsync(id);
            return byId.Succeeded ? byId.Value : null;
        }
        var named = (await accounts.ListAsync()).Where(a => string.Equals(a.Name, idOrName, StringComparison.Ordinal)).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private static async Task<int> Fail(TextWriter stderr, string message, bool usage = true)
    {
        await stderr.WriteLineAsync($"meridian accounts: {message}");
        if (usage) await stderr.WriteLineAsync("usage:\n" + Usage);
        return usage ? 2 : 1;
    }
}
