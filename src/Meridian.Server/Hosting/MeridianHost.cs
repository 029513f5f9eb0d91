using Meridian.Api;
using Meridian.Api.Admin;
using Meridian.Api.Auth;
using Meridian.Api.Client;
using Meridian.Api.Http;
using Meridian.Api.Idempotency;
using Meridian.Api.OpenApi;
using Meridian.Api.Partner;
using Meridian.Api.RateLimiting;
using Meridian.Dns.Server.Hosting;
using Meridian.Geo;
using Meridian.Platform.Publishing;
using Meridian.Server.Geo;
using Meridian.Server.Health;
using Meridian.Server.Hosting.Tls;
using Meridian.Web.Hosting;

namespace Meridian.Server.Hosting;

/// <summary>Composes `meridian serve`: configuration, the DNS server, the management plane and the HTTP
/// surfaces, in one place.</summary>
internal static class MeridianHost
{
    public static WebApplication Build(string[] args)
    {
        var (flags, unknown) = ConfigurationLayers.ParseFlags(args);
        if (unknown.Count > 0) throw new ArgumentException($"unexpected argument '{unknown[0]}'");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            // The default appsettings.json sources would watch the content root and every folder below it,
            // which is often the data directory: each write to the SQLite log then woke a file-watcher thread
            // (about 6% of a create's CPU). Configuration is read once (ConfigurationLayers); nothing reloads it.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        ConfigurationLayers.Apply(builder.Configuration, flags);

        var serve = builder.Configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
        var dnsOverride = ConfigurationLayers.DnsListenOverride(flags);
        var dns = ReadDnsOptions(builder.Configuration, dnsOverride);
        var sandboxListen = SandboxDns.ListenFrom(builder.Configuration);
        var http = HttpLimitsOptions.Read(builder.Configuration);
        var budgets = ConnectionBudgets.Of(http, dns, serve, DescriptorLimit.Read(), sandboxListen.Count, HttpListeners.Count(serve));
        var problems = serve.Validate().Concat(dns.Validate()).Concat(SandboxDns.Validate(builder.Configuration))
            .Concat(http.Validate()).Concat(budgets.Validate()).ToList();
        var geo = builder.Configuration.GetSection(GeoOptions.Section).Get<GeoOptions>() ?? new GeoOptions();
        if (!geo.TryCreateOverrides(out _, out var geoError)) problems.Add(geoError);
        if (problems.Count > 0) throw new InvalidOperationException("configuration: " + string.Join("; ", problems));

        builder.UseMeridianListeners(serve);
        builder.UseConnectionBudgets(http, budgets);
        builder.Services.AddSingleton(provider => ReadDnsOptions(provider.GetRequiredService<IConfiguration>(), dnsOverride));
        builder.Services.AddSingleton(provider => CreateGeoLocator(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(provider => new DnsServer(provider.GetRequiredService<DnsServerOptions>(), provider.GetRequiredService<GeoLocator>(),
            provider.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var listen = SandboxDns.ListenFrom(configuration);
            return new SandboxDns(listen.Count == 0 ? null
                : new DnsServer(ReadDnsOptions(configuration, listen), provider.GetRequiredService<GeoLocator>(), provider.GetRequiredService<ILoggerFactory>()));
        });
        // Committed writes publish straight into this process's DNS servers: production's, and the sandbox's.
        builder.Services.AddSingleton<IZonePublisher>(provider => new DnsServerZonePublisher(provider.GetRequiredService<DnsServer>()));
        builder.Services.AddSingleton(provider => provider.GetRequiredService<SandboxDns>().Server is { } sandbox
            ? new SandboxZonePublisher(new DnsServerZonePublisher(sandbox))
            : new SandboxZonePublisher(new NoZonePublisher()));
        builder.Services.AddPlatform();
        // Order matters: zones are loaded before DNS listens, and both before HTTP accepts requests.
        builder.Services.AddHostedService<PlatformHostedService>();
        builder.Services.AddHostedService<GeoHostedService>();
        builder.Services.AddHostedService<DnsHostedService>();
        builder.Services.AddMeridianHealthChecks();
        builder.Services.AddMeridianAuthentication(builder.Configuration);
        builder.Services.AddOptions<PublicUrlOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            string? configured = configuration[ServeOptions.Section + ":PublicUrl"];
            var listen = configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
            // With HTTPS, links (login_url) go to it: the interface needs a secure context inside an iframe.
            string fallback = string.IsNullOrWhiteSpace(listen.Https) ? "http://" + listen.Http : "https://" + listen.Https;
            options.PublicUrl = string.IsNullOrWhiteSpace(configured) ? fallback : configured;
        });
        builder.Services.AddSingleton<LoginLinks>();
        // Outages (503) and requests Kestrel rejected (4xx) are answered before the surfaces' catch-all 500.
        builder.Services.AddRequestFailureHandlers();
        builder.Services.AddApiSurfaces();
        builder.Services.AddCallerRateLimits().AddIdempotencyKeys();
        builder.Services.AddMeridianOpenApi();
        builder.Services.AddMeridianWeb(builder.Configuration);

        var app = builder.Build();
        app.UseApiSurfaces();
        app.UseCallerRateLimits().UseIdempotencyKeys();
        app.UseMeridianWeb();
        app.MapClientApiEndpoints();
        app.MapPartnerApiEndpoints();
        app.MapMeridianWeb();
        app.MapAdminApiEndpoints();
        app.MapMeridianOpenApi();
        app.MapMeridianHealthChecks();
        return app;
    }

    /// <summary>The locator with the configured overrides; <see cref="GeoHostedService"/> loads its database.</summary>
    private static GeoLocator CreateGeoLocator(IConfiguration configuration)
    {
        var geo = configuration.GetSection(GeoOptions.Section).Get<GeoOptions>() ?? new GeoOptions();
        if (!geo.TryCreateOverrides(out var overrides, out var error)) throw new InvalidOperationException("configuration: " + error);
        return new GeoLocator(overrides);
    }

    /// <summary>The "Dns" section; its listen list, or a --dns flag, replaces the default list.</summary>
    private static DnsServerOptions ReadDnsOptions(IConfiguration configuration, IReadOnlyList<string>? listenOverride)
    {
        var dns = configuration.GetSection("Dns").Get<DnsServerOptions>() ?? new DnsServerOptions();
        // The binder appends configured list items to the property's default list, so the configured
        // list is read on its own: it replaces the default.
        var listen = listenOverride ?? configuration.GetSection("Dns:Listen").Get<string[]>();
        if (listen is null) return dns;
        return new DnsServerOptions
        {
            Listen = [.. listen], UdpWorkers = dns.UdpWorkers, MaxUdpPayload = dns.MaxUdpPayload, BatchedUdp = dns.BatchedUdp,
            TcpIdleTimeout = dns.TcpIdleTimeout, MaxTcpConnections = dns.MaxTcpConnections, MaxTcpConnectionsPerSource = dns.MaxTcpConnectionsPerSource,
            Ecs = dns.Ecs,
        };
    }
}
