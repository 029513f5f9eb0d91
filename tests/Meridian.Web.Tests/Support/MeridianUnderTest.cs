using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Web.Tests.Support;

/// <summary><c>meridian serve</c> in this process, as an operator runs it for embedding: HTTPS with a throw-away
/// certificate (and plain HTTP beside it), DNS on a free loopback port, the delegation check pointed at that DNS
/// listener (<c>Interface:Resolver</c>), and one partner account with an API key.</summary>
public sealed class MeridianUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MeridianUnderTest(WebApplication app, string directory, X509Certificate2 certificate, int httpPort, int httpsPort, int dnsPort)
    {
        _app = app;
        DataDirectory = directory;
        Certificate = certificate;
        HttpUrl = new Uri($"http://127.0.0.1:{httpPort}/");
        HttpsUrl = new Uri($"https://127.0.0.1:{httpsPort}/");
        DnsPort = dnsPort;
    }

    public string DataDirectory { get; }

    public X509Certificate2 Certificate { get; }

    public Uri HttpUrl { get; }

    public Uri HttpsUrl { get; }

    public int DnsPort { get; }

    /// <summary>The origin of the HTTPS interface, as postMessage reports it.</summary>
    public string HttpsOrigin => HttpsUrl.GetLeftPart(UriPartial.Authority);

    public Account Partner { get; private set; } = null!;

    public string PartnerKey { get; private set; } = "";

    public static readonly string[] Nameservers = ["ns1.meridian.test.", "ns2.meridian.test."];

    public static async Task<MeridianUnderTest> StartAsync()
    {
        string directory = Directory.CreateTempSubdirectory("meridian-web-").FullName;
        var certificate = TestCertificate.Create();
        string pem = TestCertificate.WritePem(certificate, directory);
        int http = LoopbackPorts.Tcp(), https = LoopbackPorts.Tcp(), dns = LoopbackPorts.UdpAndTcp();
        var app = MeridianHost.Build([
            "--data", directory, "--http", $"127.0.0.1:{http}", "--https", $"127.0.0.1:{https}", "--certificate", pem, "--dns", $"127.0.0.1:{dns}",
            "--Dns:SandboxListen=off", $"--Interface:Resolver=127.0.0.1:{dns}", $"--Zones:Nameservers:0={Nameservers[0]}", $"--Zones:Nameservers:1={Nameservers[1]}",
            $"--Meridian:PublicUrl=https://127.0.0.1:{https}", "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var meridian = new MeridianUnderTest(app, directory, certificate, http, https, dns);
        await meridian.CreatePartnerAsync();
        return meridian;
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private async Task CreatePartnerAsync()
    {
        var account = await Get<AccountService>().CreateAsync(AccountKind.Partner, "host-" + Guid.NewGuid().ToString("N")[..8], "ops@partner.test");
        Partner = account.Value!;
        var key = await Get<ApiKeyService>().IssueAsync(Partner.Id, "host page", ApiEnvironment.Production, [Scopes.Users, Scopes.DnsRead, Scopes.DnsWrite]);
        PartnerKey = key.Value!.Token;
    }

    /// <summary>An HTTP client for the plain-HTTP listener that keeps cookies and does not follow redirects.</summary>
    public HttpClient NewBrowserlikeClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = HttpUrl };

    /// <summary>A one-time login_url for a partner user, from the Partner API (the way a partner's server gets one).</summary>
    public async Task<string> LoginUrlAsync(string userIdentifier, Uri? baseUrl = null)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == Certificate.Thumbprint };
        using var http = new HttpClient(handler) { BaseAddress = HttpsUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", PartnerKey);
        using var response = await http.PostAsJsonAsync("/api/v1/users", new { user_identifier = userIdentifier, email = userIdentifier + "@users.test" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        string url = body.GetProperty("login_url").GetString()!;
        return baseUrl is null ? url : new Uri(baseUrl, new Uri(url).PathAndQuery).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temporary folder is cleaned by the system.
        }
    }
}
