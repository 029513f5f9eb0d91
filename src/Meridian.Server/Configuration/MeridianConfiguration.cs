using Meridian.Api.Auth;
using Meridian.Api.OpenApi;
using Meridian.Api.Partner;
using Meridian.Api.Simple;
using Meridian.Dns.Server.Hosting;
using Meridian.Platform.Auth;
using Meridian.Platform.Following;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;
using Meridian.Platform.Transfer;
using Meridian.Providers;
using Meridian.Server.Geo;
using Meridian.Server.Hosting;
using Meridian.Web.Interface;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Configuration;

/// <summary>Every configuration section <c>meridian serve</c> reads, bound by the options framework and validated on
/// start: a bad value stops the server before it listens, with one line naming the key and what is allowed
/// (<see cref="ConfigurationProblems"/>). The bindings shared with the CLI commands live in
/// <see cref="PlatformComposition"/>; this adds the server's sections and the validation of all of them.</summary>
internal static class MeridianConfiguration
{
    /// <param name="dnsListenOverride">The addresses of a <c>--dns</c> flag, which replace <c>Dns:Listen</c>.</param>
    public static IServiceCollection AddMeridianConfiguration(this IServiceCollection services, IReadOnlyList<string>? dnsListenOverride)
    {
        services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServeOptions>>(new SectionValidator<ServeOptions>(ServeOptions.Section, o => o.Validate()));

        services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpLimitsOptions>>(new SectionValidator<HttpLimitsOptions>(HttpLimitsOptions.Section, o => o.Validate()));
        services.AddSingleton<IValidateOptions<HttpLimitsOptions>, ConnectionBudgetsValidation>();
        services.AddSingleton(ConnectionBudgetsValidation.Budgets);

        // The binder appends configured list items to a property's default list; a configured list replaces it.
        services.AddOptions<DnsServerOptions>().BindConfiguration(DnsSection)
            .PostConfigure<IConfiguration>((dns, configuration) => Replace(dns.Listen, dnsListenOverride ?? configuration.GetSection(DnsSection + ":Listen").Get<string[]>()))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DnsServerOptions>>(new SectionValidator<DnsServerOptions>(DnsSection, o => o.Validate()));
        // The sandbox's server takes every Dns setting but its addresses (Dns:SandboxListen; none: no sandbox server).
        services.AddOptions<DnsServerOptions>(SandboxDns.OptionsName).BindConfiguration(DnsSection)
            .PostConfigure<IConfiguration>((dns, configuration) => Replace(dns.Listen, SandboxDns.ListenFrom(configuration)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DnsServerOptions>>(provider => new SectionValidator<DnsServerOptions>(DnsSection,
            _ => SandboxDns.Validate(provider.GetRequiredService<IConfiguration>()), SandboxDns.OptionsName));

        services.AddOptions<GeoOptions>().BindConfiguration(GeoOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GeoOptions>, GeoOptionsValidation>();

        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new SectionValidator<StorageOptions>(StorageSection, StorageRules.Problems));
        services.AddOptions<ZoneOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZoneOptions>>(new SectionValidator<ZoneOptions>(ZonesSection, o => o.Validate()));
        services.AddOptions<ApiKeyCacheOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyCacheOptions>>(new SectionValidator<ApiKeyCacheOptions>(ApiKeyCacheOptions.Section));
        services.AddOptions<PartnerOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PartnerOptions>>(new SectionValidator<PartnerOptions>(PartnerOptions.Section, o => o.Validate()));
        // Sections bound by the parts that use them, checked here like the rest (their own rule validators, where they
        // have one, run beside these).
        services.AddOptions<FollowingOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowingOptions>>(new SectionValidator<FollowingOptions>(FollowingOptions.Section));
        services.AddOptions<TransferOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TransferOptions>>(new SectionValidator<TransferOptions>(TransferOptions.Section));
        services.AddOptions<ProvidersOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProvidersOptions>>(new SectionValidator<ProvidersOptions>(ProvidersOptions.Section));
        services.AddOptions<InterfaceOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<InterfaceOptions>>(new SectionValidator<InterfaceOptions>(InterfaceOptions.Section));
        services.AddOptions<SimpleApiOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimpleApiOptions>>(new SectionValidator<SimpleApiOptions>(SimpleApiOptions.Section));

        services.AddOptions<PublicUrlOptions>().Configure<IConfiguration, IOptions<ServeOptions>>((options, configuration, serve) =>
        {
            string? configured = configuration[ServeOptions.Section + ":PublicUrl"];
            // With HTTPS, links (login_url) go to it: the interface needs a secure context inside an iframe.
            string fallback = string.IsNullOrWhiteSpace(serve.Value.Https) ? "http://" + serve.Value.Http : "https://" + serve.Value.Https;
            options.PublicUrl = string.IsNullOrWhiteSpace(configured) ? fallback : configured;
        }).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicUrlOptions>>(new SectionValidator<PublicUrlOptions>(ServeOptions.Section,
            o => UrlProblems(ServeOptions.Section + ":PublicUrl", o.PublicUrl)));
        services.AddOptions<OpenApiServerOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenApiServerOptions>>(new SectionValidator<OpenApiServerOptions>(ServeOptions.Section,
            o => string.IsNullOrWhiteSpace(o.SandboxPublicUrl) ? [] : UrlProblems(OpenApiServerOptions.SandboxPublicUrlKey, o.SandboxPublicUrl)));
        return services;
    }

    private const string DnsSection = "Dns";
    private const string ZonesSection = "Zones";
    private const string StorageSection = "Storage";

    /// <summary>Replaces a list's items with the configured ones, when there are any.</summary>
    public static void Replace(List<string> list, IReadOnlyList<string>? configured)
    {
        if (configured is null) return;
        list.Clear();
        list.AddRange(configured);
    }

    private static IEnumerable<string> UrlProblems(string key, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"{key}: '{url}' is not an absolute http:// or https:// URL";
    }
}
