namespace Meridian.Server.Cli;

/// <summary>Reads "--name value" options of a command; the storage flags (--data, --database) are kept
/// apart for <see cref="PlatformCommandContext"/>.</summary>
internal sealed class CommandArguments
{
    private static readonly HashSet<string> s_storageFlags = ["--data", "--database"];

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public Dictionary<string, string> StorageFlags { get; } = new(StringComparer.Ordinal);

    public string? Error { get; private set; }

    public CommandArguments(IReadOnlyList<string> args, IReadOnlySet<string> allowed)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            if (!(s_storageFlags.Contains(flag) || allowed.Contains(flag)))
            {
                Error = $"unexpected argument '{flag}'";
                return;
            }
            if (i + 1 >= args.Count)
            {
                Error = $"{flag} needs a value";
                return;
            }
            (s_storageFlags.Contains(flag) ? StorageFlags : _options)[flag] = args[++i];
        }
    }

    public string? this[string flag] => _options.GetValueOrDefault(flag);
}
