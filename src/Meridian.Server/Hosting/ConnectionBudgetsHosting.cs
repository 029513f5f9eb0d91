using Microsoft.AspNetCore.Connections;

namespace Meridian.Server.Hosting;

/// <summary>Puts the HTTP side of the connection budgets into effect: Kestrel's limits from the "Http" section, an
/// accept loop that backs off should descriptors run out anyway, and the start-up report. (The DNS listeners take
/// their budgets from <c>DnsServerOptions</c>.)</summary>
internal static class ConnectionBudgetsHosting
{
    public static WebApplicationBuilder UseConnectionBudgets(this WebApplicationBuilder builder, HttpLimitsOptions http, ConnectionBudgets budgets)
    {
        builder.WebHost.ConfigureKestrel(kestrel => http.ApplyTo(kestrel.Limits));
        // Registered after Kestrel's own socket transport, so Kestrel tries it first for IP endpoints.
        builder.Services.AddSingleton<IConnectionListenerFactory, BackoffSocketTransportFactory>();
        builder.Services.AddSingleton(budgets);
        builder.Services.AddHostedService<ConnectionBudgetsReport>();
        return builder;
    }
}
