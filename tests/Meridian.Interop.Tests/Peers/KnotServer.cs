using System.Diagnostics;
using System.Net;
using System.Text;

namespace Meridian.Interop.Tests.Peers;

/// <summary>A real Knot DNS server on a loopback port, serving the given zone files, for differential tests.</summary>
internal sealed class KnotServer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    public KnotServer(IReadOnlyDictionary<string, string> zoneFiles, int udpMaxPayload = 1232)
    {
        _directory = Directory.CreateTempSubdirectory("meridian-knot-").FullName;
        // knotd does not create its database directory; without it every start warns that the storage does not exist.
        Directory.CreateDirectory(Path.Combine(_directory, "db"));
        int port = ExternalTool.FreePort();
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
        var config = new StringBuilder();
        config.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"""
            server:
                listen: 127.0.0.1@{port}
                rundir: {_directory}
                udp-workers: 1
                tcp-workers: 1
                background-workers: 1
                udp-max-payload: {udpMaxPayload}
            database:
                storage: {_directory}/db
            template:
              - id: default
                storage: {_directory}
                zonefile-sync: -1
                zonefile-load: whole
                journal-content: none
                semantic-checks: off
            log:
              - target: stderr
                any: error
            zone:
            """);
        foreach (var (origin, path) in zoneFiles)
        {
            config.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  - domain: {origin}");
            config.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    file: {Path.GetFullPath(path)}");
        }
        string configPath = Path.Combine(_directory, "knot.conf");
        File.WriteAllText(configPath, config.ToString());
        var info = new ProcessStartInfo(ExternalTool.Locate("knotd")) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(configPath);
        _process = Process.Start(info)!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitUntilAnswering(zoneFiles.Keys.First());
    }

    public IPEndPoint Endpoint { get; }

    public static bool IsAvailable => ExternalTool.Exists("knotd") && ExternalTool.Exists("kdig");

    private void WaitUntilAnswering(string origin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("knotd exited at start");
            var response = Dig.Query("kdig", Endpoint, origin, "SOA");
            if (response.Status == "NOERROR" && response.Answer.Count > 0) return;
            Thread.Sleep(100);
        }
        throw new TimeoutException("knotd did not start answering");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
