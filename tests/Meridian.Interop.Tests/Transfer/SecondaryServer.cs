using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Transfer;

/// <summary>A real secondary from the Debian packages (Knot, BIND's named, NSD) on a loopback port, configured to transfer
/// one zone from Meridian with TSIG and to take Meridian's NOTIFY. A missing program fails the test by name.</summary>
internal sealed class SecondaryServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SecondaryServer(string kind, string directory, int port, ProcessStartInfo start)
    {
        Kind = kind;
        Directory = directory;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (_log) _log.AppendLine(line.Data); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (_log) _log.AppendLine(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Kind { get; }

    public string Directory { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>What the server logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString() + string.Concat(System.IO.Directory.GetFiles(Directory, "*.log").Select(File.ReadAllText));
        }
    }

    public static string Program(string kind) => kind switch { "knot" => "knotd", "bind" => "named", _ => "nsd" };

    public static int ReservePort() => ExternalTool.FreePort();

    public static SecondaryServer Start(string kind, int port, string zone, IPEndPoint primary, string keyName, string secret)
    {
        string program = Program(kind);
        if (!ExternalTool.Exists(program))
            throw new InvalidOperationException($"{program} is not installed (./test.sh installs the knot, bind9 and nsd packages)");
        string directory = System.IO.Directory.CreateTempSubdirectory($"meridian-{kind}-").FullName;
        string bare = zone.TrimEnd('.');
        string config = Path.Combine(directory, kind + ".conf");
        var start = new ProcessStartInfo(ExternalTool.Locate(program));
        switch (kind)
        {
            case "knot":
                // Knot keeps what IXFR brings in its journal under the database storage and does not create that
                // directory: without it every IXFR fails to store its changes ("not exists") and falls back to AXFR.
                System.IO.Directory.CreateDirectory(Path.Combine(directory, "db"));
                File.WriteAllText(config, Invariant($"""
                    server:
                        listen: 127.0.0.1@{port}
                        rundir: {directory}
                        udp-workers: 1
                        tcp-workers: 1
                        background-workers: 1
                        udp-max-payload: 1232
                    database:
                        storage: {directory}/db
                    key:
                      - id: {keyName}
                        algorithm: hmac-sha256
                        secret: {secret}
                    remote:
                      - id: meridian
                        address: {primary.Address}@{primary.Port}
                        key: {keyName}
                    acl:
                      - id: notify-from-meridian
                        address: {primary.Address}
                        key: {keyName}
                        action: notify
                    template:
                      - id: default
                        storage: {directory}
                        zonefile-sync: -1
                        journal-content: changes
                        semantic-checks: off
                    log:
                      - target: stderr
                        any: info
                    zone:
                      - domain: {zone}
                        master: meridian
                        acl: notify-from-meridian
                    """));
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(config);
                break;
            case "bind":
                File.WriteAllText(config, Invariant($$"""
                    options {
                        directory "{{directory}}";
                        pid-file "{{directory}}/named.pid";
                        session-keyfile "{{directory}}/session.key";
                        managed-keys-directory "{{directory}}";
                        listen-on port {{port}} { 127.0.0.1; };
                        listen-on-v6 { none; };
                        recursion no;
                        notify no;
                        dnssec-validation no;
                        minimal-responses no-auth;
                        edns-udp-size 1232;
                        max-udp-size 1232;
                    };
                    controls { };
                    key "{{keyName}}" { algorithm hmac-sha256; secret "{{secret}}"; };
                    zone "{{bare}}" {
                        type secondary;
                        primaries port {{primary.Port}} { {{primary.Address}} key {{keyName}}; };
                        file "{{directory}}/{{bare}}.db";
                        allow-notify { {{primary.Address}}; };
                    };
                    """));
                start.ArgumentList.Add("-g");
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(config);
                break;
            default:
                File.WriteAllText(config, Invariant($"""
                    server:
                        ip-address: 127.0.0.1@{port}
                        port: {port}
                        do-ip6: no
                        username: ""
                        chroot: ""
                        zonesdir: "{directory}"
                        database: ""
                        pidfile: "{directory}/nsd.pid"
                        xfrdfile: "{directory}/xfrd.state"
                        zonelistfile: "{directory}/zone.list"
                        xfrdir: "{directory}"
                        verbosity: 2
                        ipv4-edns-size: 1232
                        server-count: 1
                        minimal-responses: yes
                    remote-control:
                        control-enable: no
                    key:
                        name: "{keyName}"
                        algorithm: hmac-sha256
                        secret: "{secret}"
                    zone:
                        name: "{bare}"
                        zonefile: "{bare}.zone"
                        allow-notify: {primary.Address} {keyName}
                        request-xfr: {primary.Address}@{primary.Port} {keyName}
                    """));
                start.ArgumentList.Add("-d");
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(config);
                break;
        }
        return new SecondaryServer(kind, directory, port, start);
    }

    /// <summary>Waits until the secondary answers the zone's SOA with <paramref name="serial"/> (after AXFR, or IXFR
    /// after a NOTIFY). A deadline, not a timing assertion: on a loaded machine it is generous.</summary>
    /// <param name="primaryLog">The primary's log so far, added to the failure when the serial never comes.</param>
    public async Task WaitForSerialAsync(string zone, uint serial, TimeSpan? limit = null, Func<string>? primaryLog = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Kind} exited:\n{Log}");
            var soa = Dig.Query("kdig", Endpoint, zone, "SOA");
            last = soa.Raw;
            if (soa.Status == "NOERROR" && soa.Answer.Count == 1 && SerialOf(soa.Answer[0]) == serial) return;
            await Task.Delay(200);
        }
        string primary = primaryLog is null ? "" : "\nmeridian log:\n" + primaryLog();
        throw new TimeoutException($"{Kind} did not serve {zone} serial {serial}; last answer:\n{last}\nlog:\n{Log}{primary}");
    }

    public static uint? SerialOf(string soaRecord)
    {
        var fields = soaRecord.Split(' ');
        return fields.Length >= 7 && uint.TryParse(fields[^5], NumberStyles.None, CultureInfo.InvariantCulture, out var serial) ? serial : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
