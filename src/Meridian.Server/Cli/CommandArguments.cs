namespace Meridian.Server.Cli;

/// <summary>Reads "--name value" options of a command; the storage flags (--data, --database) are kept
/// apart for <see cref="PlatformCommandContext"/>.</summary>
internal sealed class CommandArguments
{
    private static readonly HashSet<string> s_storageFlags = ["--data", "--database"];

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);

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
            string value = args[++i];
            (s_storageFlags.Contains(flag) ? StorageFlags : _options)[flag] = value;
            if (!_repeated.TryGetValue(flag, out var values)) _repeated[flag] = values = [];
            values.Add(value);
        }
    }

    /// <summary>The flag's value (the last one when given several times), or null.</summary>
    public string? this[string flag] => _options.GetValueOrDefault(flag);

    /// <summary>Every value of a flag that may be repeated (<c>--scope a --scope b</c>), in order.</summary>
    public IReadOnlyList<string> All(string flag) => _repeated.TryGetValue(flag, out var values) ? values : [];
}
