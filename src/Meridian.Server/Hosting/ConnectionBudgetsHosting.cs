using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Hosting;

/// <summary>Puts the HTTP side of the connection budgets into effect: Kestrel's address and limits from the "Meridian" and
/// "Http" sections, an accept loop that backs off should descriptors run out anyway, and the start-up report. (The DNS
/// listeners take their budgets from <c>DnsServerOptions</c>; the budgets are checked with the "Http" section.)</summary>
internal static class ConnectionBudgetsHosting
{
    public static IServiceCollection AddConnectionBudgets(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpLimitsOptions>, IOptions<ServeOptions>>((kestrel, http, serve) =>
        {
            // Kestrel is made while the application is built, before start-up validation; bad settings are left to
            // it (it names every bad key at once, and the host never starts listening).
            try
            {
                http.Value.ApplyTo(kestrel.Limits);
                kestrel.Listen(IPEndPoint.Parse(serve.Value.Http));
            }
            catch (OptionsValidationException)
            {
            }
        });
        // Registered after Kestrel's own socket transport, so Kestrel tries it first for IP endpoints.
        services.AddSingleton<IConnectionListenerFactory, BackoffSocketTransportFactory>();
        services.AddHostedService<ConnectionBudgetsReport>();
        return services;
    }
}
