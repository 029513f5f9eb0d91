using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Meridian.Api.Tests.Support;
using Meridian.Server.Cli;
using Meridian.Server.Hosting;

namespace Meridian.Server.Tests.Hosting;

/// <summary><c>meridian serve --https ADDR:PORT --certificate FILE</c>: TLS with a PEM or PKCS#12 certificate, read
/// again when the file is replaced.</summary>
public sealed class HttpsListenerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-https-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Serve_answers_over_https_with_a_pem_certificate_and_picks_up_a_replaced_file()
    {
        string pem = Path.Combine(_directory, "server.pem");
        using var first = SelfSigned("CN=first.meridian.test");
        await File.WriteAllTextAsync(pem, first.ExportCertificatePem() + "\n" + first.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        int port = LoopbackPorts.Tcp();
        await using var app = MeridianHost.Build(Args("--https", $"127.0.0.1:{port}", "--certificate", pem));
        await app.StartAsync();

        var (status, served) = await GetAsync(port);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first.Thumbprint, served);

        using var second = SelfSigned("CN=second.meridian.test");
        string next = Path.Combine(_directory, "server.pem.new");
        await File.WriteAllTextAsync(next, second.ExportCertificatePem() + "\n" + second.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.Move(next, pem, overwrite: true); // how renewers put a certificate in place

        string? now = served;
        for (int attempt = 0; attempt < 100 && now != second.Thumbprint; attempt++)
        {
            await Task.Delay(100);
            (_, now) = await GetAsync(port);
        }
        Assert.Equal(second.Thumbprint, now);
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_answers_over_https_with_a_pkcs12_certificate_and_a_separate_key_is_read_from_configuration()
    {
        string p12 = Path.Combine(_directory, "server.p12");
        using var certificate = SelfSigned("CN=p12.meridian.test");
        await File.WriteAllBytesAsync(p12, certificate.Export(X509ContentType.Pkcs12, "s3cret"));
        int port = LoopbackPorts.Tcp();
        await using var app = MeridianHost.Build(Args("--https", $"127.0.0.1:{port}", "--certificate", p12, "--Meridian:CertificatePassword=s3cret"));
        await app.StartAsync();
        Assert.Equal((HttpStatusCode.OK, certificate.Thumbprint), await GetAsync(port));
        await app.StopAsync();

        string cert = Path.Combine(_directory, "cert.pem"), key = Path.Combine(_directory, "key.pem");
        await File.WriteAllTextAsync(cert, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        int pemPort = LoopbackPorts.Tcp();
        await using var pemApp = MeridianHost.Build(Args($"--Meridian:Https=127.0.0.1:{pemPort}", $"--Meridian:Certificate={cert}", $"--Meridian:CertificateKey={key}"));
        await pemApp.StartAsync();
        Assert.Equal((HttpStatusCode.OK, certificate.Thumbprint), await GetAsync(pemPort));
        await pemApp.StopAsync();
    }

    [Fact]
    public async Task Serve_refuses_https_without_a_certificate_or_with_an_unreadable_one()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await CommandRouter.RunAsync(["serve", .. Args("--https", "127.0.0.1:1")], TextWriter.Null, stderr));
        Assert.Contains("Meridian:Https needs a certificate: --certificate FILE", stderr.ToString(), StringComparison.Ordinal);

        string garbage = Path.Combine(_directory, "garbage.pem");
        await File.WriteAllTextAsync(garbage, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        stderr = new StringWriter();
        Assert.Equal(2, await CommandRouter.RunAsync(["serve", .. Args("--https", "127.0.0.1:1", "--certificate", garbage)], TextWriter.Null, stderr));
        Assert.Contains("Meridian:Certificate: '" + garbage + "' is neither a PEM certificate", stderr.ToString(), StringComparison.Ordinal);

        stderr = new StringWriter();
        Assert.Equal(2, await CommandRouter.RunAsync(["serve", .. Args("--https", "127.0.0.1:1", "--certificate", Path.Combine(_directory, "missing.pem"))], TextWriter.Null, stderr));
        Assert.Contains("Meridian:Certificate: cannot read", stderr.ToString(), StringComparison.Ordinal);
    }

    private string[] Args(params string[] more) =>
        ["--data", _directory, "--http", $"127.0.0.1:{LoopbackPorts.Tcp()}", "--dns", "127.0.0.1:0", "--Dns:SandboxListen=off", .. more];

    /// <summary>GET /healthz over a fresh TLS connection; the status and the thumbprint of the certificate served.</summary>
    private static async Task<(HttpStatusCode, string?)> GetAsync(int port)
    {
        string? thumbprint = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                thumbprint = certificate?.Thumbprint;
                return true;
            },
        };
        using var http = new HttpClient(handler);
        using var response = await http.GetAsync(new Uri($"https://127.0.0.1:{port}/healthz"));
        return (response.StatusCode, thumbprint);
    }

    internal static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }
}
