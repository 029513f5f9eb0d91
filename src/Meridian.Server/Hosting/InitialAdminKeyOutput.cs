using Meridian.Server.Observability;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Hosting;

/// <summary>Where the admin key made on the very first start goes. Never into a log: logs are kept and shipped. With the
/// console's readable lines (<c>Logging:Format=simple</c>) it is printed to stdout once, for the person who started the
/// server. With <c>Logging:Format=json</c> the console is a log stream (journald, docker logs, a shipper reading every
/// line as JSON), where a plain line would both break the parser and put the key into the logs; so the key is written
/// to <c>{DataDirectory}/initial-admin-key</c>, readable by the server's user only, and the log says where it is.</summary>
internal sealed partial class InitialAdminKeyOutput(IOptions<LogFormatOptions> logFormat, IOptions<ServeOptions> serve, ILogger<InitialAdminKeyOutput> logger)
{
    public const string FileName = "initial-admin-key";

    private bool ToFile => string.Equals(logFormat.Value.Format, "json", StringComparison.OrdinalIgnoreCase);

    private string FilePath => Path.GetFullPath(Path.Combine(serve.Value.DataDirectory, FileName));

    /// <summary>Makes sure the key can be delivered before the account is made (a key made and then lost would leave the
    /// admin account without one): in json mode, the file is created empty, owner-only, replacing any earlier one.</summary>
    public void Prepare()
    {
        if (!ToFile) return;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.Delete(FilePath);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var _ = new FileStream(FilePath, options);
    }

    public void Deliver(string token)
    {
        if (ToFile)
        {
            File.WriteAllText(FilePath, token + "\n");
            LogKeyFile(logger, FilePath);
            return;
        }
        Console.Out.WriteLine("First start: created the admin account. Its API key is shown this once:");
        Console.Out.WriteLine(token);
        Console.Out.Flush();
    }

    /// <summary>Nothing was made: the empty file would only mislead.</summary>
    public void Abandon()
    {
        if (ToFile && File.Exists(FilePath) && new FileInfo(FilePath).Length == 0) File.Delete(FilePath);
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning,
        Message = "First start: created the admin account. Its API key is in {Path} (readable by this user only) and nowhere else: store it, then delete the file")]
    private static partial void LogKeyFile(ILogger logger, string path);
}
