using System.Security.Cryptography.X509Certificates;

namespace Meridian.Server.Hosting.Tls;

/// <summary>The HTTPS certificate Kestrel hands to each new TLS handshake, read again when its file (or key file) is
/// written, replaced or renamed into place — as certbot and other renewers do. A file that cannot be read yet (half
/// written, or the key not yet in place) leaves the certificate in use and is tried again on the next change.</summary>
internal sealed partial class ReloadingServerCertificate : IDisposable
{
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(200);

    private readonly ServeOptions _options;
    private readonly ILogger _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _reload;
    private X509Certificate2 _current;

    public ReloadingServerCertificate(ServeOptions options, ILogger<ReloadingServerCertificate> logger)
    {
        _options = options;
        _logger = logger;
        _current = ServerCertificateFile.Load(options.Certificate, options.CertificateKey, options.CertificatePassword);
        _reload = new Timer(_ => Reload());
        foreach (string path in new[] { options.Certificate, options.CertificateKey }.Where(path => !string.IsNullOrWhiteSpace(path)))
        {
            string full = Path.GetFullPath(path);
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            // Several events arrive for one replacement; read the file once they have settled.
            watcher.Changed += (_, _) => _reload.Change(s_settle, Timeout.InfiniteTimeSpan);
            watcher.Created += (_, _) => _reload.Change(s_settle, Timeout.InfiniteTimeSpan);
            watcher.Renamed += (_, _) => _reload.Change(s_settle, Timeout.InfiniteTimeSpan);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>The certificate for a new handshake.</summary>
    public X509Certificate2 Current => Volatile.Read(ref _current);

    private void Reload()
    {
        try
        {
            var next = ServerCertificateFile.Load(_options.Certificate, _options.CertificateKey, _options.CertificatePassword);
            // The previous certificate is not disposed: a handshake in progress may still be using it.
            Volatile.Write(ref _current, next);
            LogReloaded(_logger, next.Subject, next.NotAfter);
        }
        catch (InvalidOperationException e)
        {
            LogReloadFailed(_logger, e.Message);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _reload.Dispose();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "HTTPS certificate reloaded: {Subject}, valid until {NotAfter:u}")]
    private static partial void LogReloaded(ILogger logger, string subject, DateTime notAfter);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "HTTPS certificate file changed but could not be read; the previous certificate stays in use: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string reason);
}
