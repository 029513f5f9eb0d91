using System.Net;
using System.Text.Json;
using Meridian.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Web.Tests.Support;

/// <summary>A partner's web site on another origin (https://localhost:PORT against Meridian's https://127.0.0.1): its
/// server calls the Partner API for a login_url and its page embeds it in an iframe, recording the postMessage events
/// it receives from Meridian's origin in <c>window.meridianMessages</c>. It listens on two ports: the allowed origin
/// and one that the partner has not allowed.</summary>
public sealed class PartnerHostSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PartnerHostSite(WebApplication app, int allowedPort, int otherPort)
    {
        _app = app;
        AllowedOrigin = $"https://localhost:{allowedPort}";
        OtherOrigin = $"https://localhost:{otherPort}";
    }

    public string AllowedOrigin { get; }

    public string OtherOrigin { get; }

    public static async Task<PartnerHostSite> StartAsync(MeridianUnderTest meridian)
    {
        int allowed = LoopbackPorts.Tcp(), other = LoopbackPorts.Tcp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, allowed, listen => listen.UseHttps(meridian.Certificate));
            kestrel.Listen(IPAddress.Loopback, other, listen => listen.UseHttps(meridian.Certificate));
        });
        var app = builder.Build();
        app.MapGet("/", async (HttpContext http) =>
        {
            // Server side: the partner's backend asks Meridian for a one-time link for its signed-in user.
            string user = http.Request.Query["user"].FirstOrDefault() ?? "alice";
            string loginUrl = await meridian.LoginUrlAsync(user);
            return Results.Content(Page(loginUrl, meridian.HttpsOrigin), "text/html; charset=utf-8");
        });
        await app.StartAsync();
        return new PartnerHostSite(app, allowed, other);
    }

    /// <summary>The page docs/embedding.md shows: the listener first, then the frame.</summary>
    private static string Page(string loginUrl, string meridianOrigin) => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Partner app</title></head>
        <body>
        <h1>Partner app</h1>
        <script>
          window.meridianMessages = [];
          window.frameLoaded = false;
          window.addEventListener("message", function (event) {
            if (event.origin !== {{JsonSerializer.Serialize(meridianOrigin)}}) return;
            window.meridianMessages.push(event.data);
            if (event.data && event.data.type === "meridian:resize") document.getElementById("dns").style.height = event.data.height + "px";
          });
        </script>
        <iframe id="dns" title="DNS management" src={{JsonSerializer.Serialize(loginUrl)}} style="width:100%;height:600px;border:0"
                onload="window.frameLoaded = true"></iframe>
        </body>
        </html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
