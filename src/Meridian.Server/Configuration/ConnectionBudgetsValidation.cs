using Meridian.Dns.Server.Hosting;
using Meridian.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Configuration;

/// <summary>Refuses budgets that do not fit the process's descriptor limit (<see cref="ConnectionBudgets"/>), as part
/// of the "Http" section's validation (its keys come first in the remedy).</summary>
internal sealed class ConnectionBudgetsValidation(IServiceProvider services) : IValidateOptions<HttpLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpLimitsOptions options)
    {
        ConnectionBudgets budgets;
        try
        {
            budgets = Of(services, options);
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Skip; // the other sections report their own problems first
        }
        var problems = budgets.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>The budgets of the configured sections, for the report at start and Kestrel's accept loop.</summary>
    public static ConnectionBudgets Budgets(IServiceProvider services) =>
        Of(services, services.GetRequiredService<IOptions<HttpLimitsOptions>>().Value);

    private static ConnectionBudgets Of(IServiceProvider services, HttpLimitsOptions http)
    {
        var dns = services.GetRequiredService<IOptionsFactory<DnsServerOptions>>();
        var serve = services.GetRequiredService<IOptionsFactory<ServeOptions>>().Create(Options.DefaultName);
        return ConnectionBudgets.Of(http, dns.Create(Options.DefaultName), serve, DescriptorLimit.Read(), dns.Create(SandboxDns.OptionsName).Listen.Count,
            Hosting.Tls.HttpListeners.Count(serve));
    }
}
