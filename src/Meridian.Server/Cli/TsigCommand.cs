using System.Globalization;
using Meridian.Platform.Transfer;

namespace Meridian.Server.Cli;

/// <summary><c>meridian tsig create|list|delete</c>: TSIG keys for zone transfer and dynamic update. A new key's secret
/// (base64) is printed once, alone on the last line.</summary>
internal static class TsigCommand
{
    public const string Usage = """
          tsig create --name NAME [--algorithm hmac-sha256|hmac-sha512] [--update-zone ZONE ...] [--update-name NAME ...] [--update-type TYPE ...] [--data DIR | --database CS]
              make a TSIG key; the base64 secret is printed alone on the last line
          tsig list [--data DIR | --database CS]
              the keys: name, algorithm, update zones, names and types, created (never the secret)
          tsig delete --name NAME [--data DIR | --database CS]
              delete a key; transfers and updates signed with it are refused (BADKEY)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string verb = args.Length > 0 ? args[0] : "";
        var rest = args.Length > 0 ? args[1..] : [];
        return verb switch
        {
            "create" => await CreateAsync(new CommandArguments(rest, new HashSet<string> { "--name", "--algorithm", "--update-zone", "--update-name", "--update-type" }), stdout, stderr),
            "list" => await ListAsync(new CommandArguments(rest, new HashSet<string>()), stdout, stderr),
            "delete" => await DeleteAsync(new CommandArguments(rest, new HashSet<string> { "--name" }), stdout, stderr),
            _ => await Fail(stderr, $"unknown tsig command '{verb}'"),
        };
    }

    private static async Task<int> CreateAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--name"] is not { Length: > 0 } name) return await Fail(stderr, "--name is required");
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var created = await platform.Get<TsigKeyService>().CreateAsync(name, a["--algorithm"], a.All("--update-zone"), a.All("--update-name"), a.All("--update-type"));
        if (!created.Succeeded) return await Fail(stderr, string.Join("; ", created.Error.Problems.Select(p => p.Message)), usage: false);
        var key = created.Value.Key;
        string scope = key.UpdateZones.Count == 0 ? "no dynamic update"
            : $"may update {string.Join(' ', key.UpdateZones)}" + (key.UpdateNames.Count == 0 ? "" : $" (names {string.Join(' ', key.UpdateNames)})")
              + (key.UpdateTypes.Count == 0 ? "" : $" (types {string.Join(' ', key.UpdateTypes)})");
        await stdout.WriteLineAsync($"created TSIG key {key.Name} ({key.Algorithm}), {scope}; secret (base64, shown once):");
        await stdout.WriteLineAsync(created.Value.Secret);
        return 0;
    }

    private static async Task<int> ListAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        await stdout.WriteLineAsync("NAME\tALGORITHM\tUPDATE_ZONES\tUPDATE_NAMES\tUPDATE_TYPES\tCREATED");
        foreach (var key in await platform.Get<TsigKeyService>().ListAsync())
        {
            await stdout.WriteLineAsync(string.Join('\t', key.Name, key.Algorithm, key.UpdateZones.Count == 0 ? "-" : string.Join(',', key.UpdateZones),
                key.UpdateNames.Count == 0 ? "-" : string.Join(',', key.UpdateNames), key.UpdateTypes.Count == 0 ? "-" : string.Join(',', key.UpdateTypes),
                key.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }
        return 0;
    }

    private static async Task<int> DeleteAsync(CommandArguments a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--name"] is not { Length: > 0 } name) return await Fail(stderr, "--name is required");
        await using var platform = await PlatformCommandContext.OpenAsync(a.StorageFlags);
        var deleted = await platform.Get<TsigKeyService>().DeleteAsync(name);
        if (!deleted.Succeeded) return await Fail(stderr, $"no TSIG key named '{name}'", usage: false);
        await stdout.WriteLineAsync($"deleted TSIG key {deleted.Value.Name}");
        return 0;
    }

    private static async Task<int> Fail(TextWriter stderr, string message, bool usage = true)
    {
        await stderr.WriteLineAsync($"meridian tsig: {message}");
        if (usage) await stderr.WriteLineAsync("usage:\n" + Usage);
        return usage ? 2 : 1;
    }
}
