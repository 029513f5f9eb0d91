using Meridian.Api.Simple;
using Meridian.Server.Hosting;

namespace Meridian.Server.Cli;

/// <summary><c>meridian token create --user NAME</c>: the Simple API token of a configured user, alone on the last line —
/// the same token the original dns-api's generator prints for that user and secret.</summary>
internal static class TokenCommand
{
    public const string Usage = """
          token create --user NAME [--algorithm HS512|HS256]
              the Simple API token of a user of SimpleApi:Users (or VALID_USERS); alone on the last line
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "create") return await Fail(stderr, $"unknown token command '{string.Join(' ', args)}'");
        var a = new CommandArguments(args[1..], new HashSet<string> { "--user", "--algorithm" });
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--user"] is not { Length: > 0 } user) return await Fail(stderr, "--user is required");
        string algorithm = (a["--algorithm"] ?? SimpleTokens.HS512).ToUpperInvariant();
        if (algorithm is not (SimpleTokens.HS512 or SimpleTokens.HS256)) return await Fail(stderr, "--algorithm must be HS512 or HS256");

        var configuration = new ConfigurationManager();
        ConfigurationLayers.Apply(configuration, a.StorageFlags);
        var options = SimpleApiServiceCollectionExtensions.Read(configuration);
        var problems = options.TokenProblems().ToList();
        if (problems.Count > 0) return await Fail(stderr, "configuration: " + string.Join("; ", problems), usage: false);
        if (!options.Enabled) return await Fail(stderr, "SimpleApi:SecretKey is not set (or SECRET_KEY with SimpleApi:LegacyEnvironment=true)", usage: false);
        if (options.FindUser(user) is null)
            return await Fail(stderr, $"no Simple API user '{user}' (configure SimpleApi:Users:N:Name, or VALID_USERS with SimpleApi:LegacyEnvironment=true)",
                usage: false);

        await stdout.WriteLineAsync($"Simple API token for '{user}' ({algorithm}; valid until SimpleApi:SecretKey changes):");
        await stdout.WriteLineAsync(SimpleTokens.Create(options.SecretBytes, user, algorithm));
        return 0;
    }

    private static async Task<int> Fail(TextWriter stderr, string message, bool usage = true)
    {
        await stderr.WriteLineAsync($"meridian token: {message}");
        if (usage) await stderr.WriteLineAsync("usage:\n" + Usage);
        return usage ? 2 : 1;
    }
}
