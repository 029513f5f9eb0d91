namespace Meridian.Server.Hosting;

/// <summary>Puts the connection budgets into effect: Kestrel's limits from the "Http" section, and the start-up report.
/// (The DNS listeners take theirs from <c>DnsServerOptions</c>.)</summary>
internal static class ConnectionBudgetsHosting
{
    public static WebApplicationBuilder UseConnectionBudgets(this WebApplicationBuilder builder, HttpLimitsOptions http, ConnectionBudgets budgets)
    {
        builder.WebHost.ConfigureKestrel(kestrel => http.ApplyTo(kestrel.Limits));
        builder.Services.AddSingleton(budgets);
        builder.Services.AddHostedService<ConnectionBudgetsReport>();
        return builder;
    }
}
