using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Hosting.Tls;

/// <summary>Where <c>meridian serve</c> listens for HTTP: <c>Meridian:Http</c> in plain text and, when
/// <c>Meridian:Https</c> is set, TLS with the reloading certificate (<c>Meridian:Certificate</c>). The embedded
/// interface needs HTTPS inside a partner's iframe (a secure context, and cookies a third-party frame may keep).</summary>
internal static class HttpListeners
{
    /// <summary>How many HTTP listeners the options open (each holds its own connection budget).</summary>
    public static int Count(ServeOptions serve) => HasHttps(serve) ? 2 : 1;

    /// <summary>Adds the HTTPS listener when <c>Meridian:Https</c> is set (the HTTP one is ConnectionBudgetsHosting's).
    /// A bad address or a missing certificate setting is left to the "Meridian" section's validation.</summary>
    public static WebApplicationBuilder UseHttpsListener(this WebApplicationBuilder builder, ServeOptions serve)
    {
        if (!HasHttps(serve) || !IPEndPoint.TryParse(serve.Https, out _) || string.IsNullOrWhiteSpace(serve.Certificate)) return builder;
        try
        {
            // Read once now, so a missing or unreadable certificate stops the start with its reason.
            ServerCertificateFile.Load(serve.Certificate, serve.CertificateKey, serve.CertificatePassword).Dispose();
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(ServeOptions.Section, typeof(ServeOptions), [e.Message]);
        }
        builder.Services.AddSingleton(provider => new ReloadingServerCertificate(serve, provider.GetRequiredService<ILogger<ReloadingServerCertificate>>()));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var certificate = kestrel.ApplicationServices.GetRequiredService<ReloadingServerCertificate>();
            kestrel.Listen(IPEndPoint.Parse(serve.Https), listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificate.Current);
            });
        });
        return builder;
    }

    private static bool HasHttps(ServeOptions serve) => !string.IsNullOrWhiteSpace(serve.Https);
}
