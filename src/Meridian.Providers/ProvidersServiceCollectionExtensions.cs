using Meridian.Providers.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Providers;

/// <summary>Registers the provider adapters, their typed HTTP clients (with <see cref="Http.ProviderResilience"/>) and
/// the options of section "Providers", checked on start (the rules below; the host checks the data annotations, naming
/// each key, as <c>meridian serve</c> does for every section). Detection is registered by the caller, who knows the
/// Public Suffix List and the server's own nameservers.</summary>
public static class ProvidersServiceCollectionExtensions
{
    public static IServiceCollection AddDnsProviders(this IServiceCollection services)
    {
        services.AddOptions<ProvidersOptions>().BindConfiguration(ProvidersOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProvidersOptions>, ProvidersOptionsValidation>();
        services.AddHttpClient<CloudflareClient>((sp, http) => http.BaseAddress = BaseAddress(sp, o => o.Cloudflare)).AddProviderResilienceHandler();
        services.AddHttpClient<GoDaddyClient>((sp, http) => http.BaseAddress = BaseAddress(sp, o => o.GoDaddy)).AddProviderResilienceHandler();
        services.AddHttpClient<NamecheapClient>((sp, http) => http.BaseAddress = BaseAddress(sp, o => o.Namecheap, trailingSlash: false)).AddProviderResilienceHandler();
        services.AddHttpClient<DnsimpleClient>((sp, http) => http.BaseAddress = BaseAddress(sp, o => o.DNSimple)).AddProviderResilienceHandler();
        services.AddSingleton<IDnsProvider, CloudflareProvider>();
        services.AddSingleton<IDnsProvider, GoDaddyProvider>();
        services.AddSingleton<IDnsProvider, NamecheapProvider>();
        services.AddSingleton<IDnsProvider, DnsimpleProvider>();
        return services;
    }

    private static IHttpClientBuilder AddProviderResilienceHandler(this IHttpClientBuilder builder) => Http.ProviderResilience.AddProviderResilience(builder);

    // Paths are relative to the base, so it ends with '/' (Namecheap's is the endpoint itself, posted to as it is).
    private static Uri BaseAddress(IServiceProvider services, Func<ProvidersOptions, ProviderEndpoint> endpoint, bool trailingSlash = true)
    {
        string url = endpoint(services.GetRequiredService<IOptions<ProvidersOptions>>().Value).BaseUrl.TrimEnd('/');
        return new Uri(trailingSlash ? url + "/" : url);
    }
}

/// <summary>Checks the "Providers" section on start, naming every problem.</summary>
internal sealed class ProvidersOptionsValidation : IValidateOptions<ProvidersOptions>
{
    public ValidateOptionsResult Validate(string? name, ProvidersOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
