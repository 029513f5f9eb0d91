using System.Security.Cryptography.X509Certificates;
using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Update;

/// <summary>A full ACME DNS-01 issuance on loopback: Debian's certbot with its RFC 2136 plugin writes the challenge into
/// a Meridian zone by TSIG-signed UPDATE (with a key that may touch only that _acme-challenge name), Debian's pebble
/// checks it by asking Meridian's DNS listener, issues the certificate, and certbot deletes the challenge again.</summary>
public sealed class AcmeDns01Tests(UpdatePrimaryFixture fixture) : IClassFixture<UpdatePrimaryFixture>
{
    private const string Zone = "acme.update.test.";
    private const string Name = "www.acme.update.test";

    [Fact]
    public async Task Certbot_gets_a_certificate_from_pebble_through_dns_update()
    {
        Assert.True(ExternalTool.Exists("pebble"), "pebble must be installed");
        Assert.True(ExternalTool.Exists("certbot"), "certbot must be installed (with python3-certbot-dns-rfc2136)");
        var primary = fixture.Primary;
        string domain = await primary.ImportAsync($"""
            $ORIGIN {Zone}
            $TTL 300
            www     A     192.0.2.80
            """);
        using var pebble = await Pebble.StartAsync(primary.Dns);
        string credentials = Path.Combine(pebble.Directory, "rfc2136.ini");
        File.WriteAllText(credentials, $"""
            dns_rfc2136_server = {primary.Dns.Address}
            dns_rfc2136_port = {primary.Dns.Port}
            dns_rfc2136_name = {UpdatePrimaryFixture.CertbotKey}.
            dns_rfc2136_secret = {primary.Secrets[UpdatePrimaryFixture.CertbotKey]}
            dns_rfc2136_algorithm = HMAC-SHA512

            """);
        // certbot warns about credentials others can read.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (exitCode, stdout, stderr) = RunCertbot(pebble, credentials);
        string certbotLog = ReadIfExists(Path.Combine(pebble.Directory, "logs", "letsencrypt.log"));
        Assert.True(exitCode == 0, $"certbot failed ({exitCode}):\n{stdout}\n{stderr}\n--- certbot log\n{certbotLog}\n--- pebble\n{pebble.Log}\n--- meridian\n{primary.Log}");

        using var certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pebble.Directory, "config", "live", Name, "cert.pem"));
        Assert.Contains(Name, certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false), StringComparison.OrdinalIgnoreCase);

        // The challenge came and went through UPDATE, journaled as the certbot key, and is gone from DNS.
        Assert.Equal("NXDOMAIN", Dig.Query("kdig", primary.Dns, "_acme-challenge." + Name + ".", "TXT").Status);
        var changes = (await primary.GetAsync($"/api/client/domains/{domain}/changes?per_page=10")).GetProperty("changes").EnumerateArray().ToList();
        var byCertbot = changes.Where(c => c.GetProperty("principal").GetString() == $"tsig:{UpdatePrimaryFixture.CertbotKey}.").ToList();
        Assert.Equal(2, byCertbot.Count);
        Assert.All(byCertbot, c => Assert.Equal("_acme-challenge.www.acme.update.test.", c.GetProperty("record_sets")[0].GetProperty("name").GetString()));
    }

    private static (int ExitCode, string Stdout, string Stderr) RunCertbot(Pebble pebble, string credentials)
    {
        string Dir(string name) => Path.Combine(pebble.Directory, name);
        var info = new System.Diagnostics.ProcessStartInfo(ExternalTool.Locate("certbot"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "certonly", "--non-interactive", "--agree-tos", "--register-unsafely-without-email", "--no-eff-email",
            "--server", pebble.DirectoryUrl, "--config-dir", Dir("config"), "--work-dir", Dir("work"), "--logs-dir", Dir("logs"),
            "--dns-rfc2136", "--dns-rfc2136-credentials", credentials, "--dns-rfc2136-propagation-seconds", "1",
            "--key-type", "ecdsa", "-d", Name,
        })
        {
            info.ArgumentList.Add(arg);
        }
        // certbot talks to pebble over HTTPS: trust the CA made for this run.
        info.Environment["REQUESTS_CA_BUNDLE"] = pebble.CaFile;
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("certbot did not finish:\n" + stdout.Result + stderr.Result);
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
