using Meridian.Platform.Naming;
using Meridian.Platform.Publishing;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Meridian.Providers;
using Meridian.Providers.Detection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Platform.EmailDns;

/// <summary>Registers the Email DNS automation: the provider adapters (section "Providers"), detection against the
/// server's own nameservers and the Public Suffix List, Data Protection with its key ring in the database, the record
/// sets (section "EmailDns", checked on start) and <see cref="EmailDnsService"/>. Call after <c>AddMeridianPlatform</c>.</summary>
public static class EmailDnsServiceCollectionExtensions
{
    public static IServiceCollection AddEmailDns(this IServiceCollection services)
    {
        services.AddDnsProviders();
        services.AddOptions<EmailDnsOptions>().BindConfiguration(EmailDnsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailDnsOptions>, EmailDnsOptionsValidation>();
        services.AddDatabaseDataProtection();
        services.AddSingleton(sp =>
        {
            var zones = sp.GetRequiredService<IOptions<ZoneOptions>>().Value;
            var providers = sp.GetRequiredService<IOptions<ProvidersOptions>>().Value;
            var patterns = NameserverTable.BuiltIn().Concat(providers.Detection.Nameservers);
            return new NameserverTable(patterns, zones.Nameservers);
        });
        services.AddSingleton(sp =>
        {
            var suffixes = sp.GetRequiredService<ZoneNameRules>().PublicSuffixes;
            return new ProviderDetector(sp.GetRequiredService<NameserverTable>(), sp.GetRequiredService<IOptions<ProvidersOptions>>(), suffixes.RegistrableDomain);
        });
        services.AddSingleton(sp => new EmailDnsService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<ZoneNameRules>(),
            sp.GetRequiredService<ProviderDetector>(), sp.GetServices<IDnsProvider>(), sp.GetRequiredService<DomainService>(),
            sp.GetRequiredService<RecordService>(), sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<IOptions<EmailDnsOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EmailDnsService>>()));
        services.AddSingleton(sp => new AccountSessionService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<AccountPasswordService>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}

/// <summary>Checks the "EmailDns" section on start, naming every problem.</summary>
internal sealed class EmailDnsOptionsValidation : IValidateOptions<EmailDnsOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailDnsOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
