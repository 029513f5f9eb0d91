using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Update;

/// <summary>Debian's pebble, Let's Encrypt's ACME test server, on loopback: its HTTPS certificate issued by a CA made for
/// the run (<see cref="CaFile"/>, which the ACME client must trust), and its DNS-01 lookups sent to the given server.</summary>
internal sealed class Pebble : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private Pebble(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        DirectoryUrl = $"https://127.0.0.1:{port}/dir";
    }

    public string Directory { get; }

    /// <summary>The ACME directory URL.</summary>
    public string DirectoryUrl { get; }

    /// <summary>The CA that signed pebble's HTTPS certificate (PEM).</summary>
    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static async Task<Pebble> StartAsync(IPEndPoint dnsServer)
    {
        string directory = System.IO.Directory.CreateTempSubdirectory("meridian-pebble-").FullName;
        WriteCertificates(directory);
        int port = ExternalTool.FreePort();
        int management = ExternalTool.FreePort();
        File.WriteAllText(Path.Combine(directory, "pebble.json"), $$"""
            {
              "pebble": {
                "listenAddress": "127.0.0.1:{{port}}",
                "managementListenAddress": "127.0.0.1:{{management}}",
                "certificate": "{{Path.Combine(directory, "pebble.pem")}}",
                "privateKey": "{{Path.Combine(directory, "pebble.key")}}",
                "httpPort": {{ExternalTool.FreePort()}},
                "tlsPort": {{ExternalTool.FreePort()}},
                "ocspResponderURL": "",
                "externalAccountBindingRequired": false
              }
            }
            """);
        var info = new ProcessStartInfo(ExternalTool.Locate("pebble")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-config");
        info.ArgumentList.Add(Path.Combine(directory, "pebble.json"));
        info.ArgumentList.Add("-dnsserver");
        info.ArgumentList.Add($"{dnsServer.Address}:{dnsServer.Port}");
        // No random waits before validating, no random nonce refusals: the run then depends on nothing but the DNS.
        info.Environment["PEBBLE_VA_NOSLEEP"] = "1";
        info.Environment["PEBBLE_WFE_NONCEREJECT"] = "0";
        var pebble = new Pebble(Process.Start(info)!, directory, port);
        pebble._process.OutputDataReceived += (_, line) => pebble.Append(line.Data);
        pebble._process.ErrorDataReceived += (_, line) => pebble.Append(line.Data);
        pebble._process.BeginOutputReadLine();
        pebble._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (pebble._process.HasExited) throw new InvalidOperationException("pebble exited:\n" + pebble.Log);
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return pebble;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>A CA, and pebble's certificate for 127.0.0.1 and localhost signed by it.</summary>
    private static void WriteCertificates(string directory)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Meridian test ACME CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leaf = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(6), RandomNumberGenerator.GetBytes(12));

        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "pebble.pem"), leaf.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "pebble.key"), key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        finally
        {
            _process.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
