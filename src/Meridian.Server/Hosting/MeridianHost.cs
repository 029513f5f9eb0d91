using Meridian.Api;
using Meridian.Api.Admin;
using Meridian.Api.Auth;
using Meridian.Api.Client;
using Meridian.Api.EmailDns;
using Meridian.Api.Http;
using Meridian.Api.Idempotency;
using Meridian.Api.OpenApi;
using Meridian.Api.Partner;
using Meridian.Api.RateLimiting;
using Meridian.Api.Simple;
using Meridian.Dns.Server.Hosting;
using Meridian.Geo;
using Meridian.Platform.Publishing;
using Meridian.Platform.Transfer;
using Meridian.Server.Configuration;
using Meridian.Server.Following;
using Meridian.Server.Geo;
using Meridian.Server.Health;
using Meridian.Server.Hosting.Tls;
using Meridian.Server.Observability;
using Meridian.Web.Hosting;
using Microsoft.Extensions.Options;

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

        // Every section is bound and validated by the options framework; a bad value stops the host's start with
        // the key named (ServeCommand prints it).
        builder.Services.AddMeridianConfiguration(ConfigurationLayers.DnsListenOverride(flags));
        builder.Services.AddConnectionBudgets();
        builder.UseHttpsListener(builder.Configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions());
        builder.UseMeridianLogFormat();
        builder.Services.AddMeridianMetrics();
        builder.Services.AddSingleton(provider => new GeoLocator(CreateGeoOverrides(provider.GetRequiredService<IOptions<GeoOptions>>().Value)));
        builder.Services.AddSingleton(provider => new DnsServer(provider.GetRequiredService<IOptions<DnsServerOptions>>().Value,
            provider.GetRequiredService<GeoLocator>(), provider.GetRequiredService<ILoggerFactory>())
        {
            Transfers = provider.GetRequiredService<Meridian.Dns.Server.Transfer.ZoneTransferServices>(),
        });
        builder.Services.AddSingleton(provider =>
        {
            var sandbox = provider.GetRequiredService<IOptionsMonitor<DnsServerOptions>>().Get(SandboxDns.OptionsName);
            return new SandboxDns(sandbox.Listen.Count == 0 ? null
                : new DnsServer(sandbox, provider.GetRequiredService<GeoLocator>(), provider.GetRequiredService<ILoggerFactory>(), "sandbox"));
        });
        // Committed writes publish straight into this process's DNS servers: production's, and the sandbox's.
        builder.Services.AddSingleton<IZonePublisher>(provider => new DnsServerZonePublisher(provider.GetRequiredService<DnsServer>()).WithNotify(provider));
        builder.Services.AddSingleton(provider => provider.GetRequiredService<SandboxDns>().Server is { } sandbox
            ? new SandboxZonePublisher(new DnsServerZonePublisher(sandbox))
            : new SandboxZonePublisher(new NoZonePublisher()));
        builder.Services.AddPlatform();
        // Order matters: zones are loaded before DNS listens, and both before HTTP accepts requests.
        builder.Services.AddSingleton<InitialAdminKeyOutput>();
        builder.Services.AddHostedService<PlatformHostedService>();
        builder.Services.AddHostedService<GeoHostedService>();
        builder.Services.AddHostedService<DnsHostedService>();
        // After the platform's start (zones loaded, feed position noted): follow what other nodes commit.
        // The role decides what is registered, so it is read before the options are (ServeOptions validates it).
        var role = NodeRole.Of(builder.Configuration[ServeOptions.Section + ":Role"]);
        builder.Services.AddFollowing(role);
        builder.Services.AddMeridianHealthChecks();
        builder.Services.AddMeridianAuthentication(builder.Configuration);
        builder.Services.AddEmailDnsApi();
        builder.Services.AddSingleton<LoginLinks>();
        // Outages (503) and requests Kestrel rejected (4xx) are answered before the surfaces' catch-all 500.
        builder.Services.AddRequestFailureHandlers();
        builder.Services.AddApiSurfaces();
        builder.Services.AddCallerRateLimits().AddIdempotencyKeys();
        builder.Services.AddMeridianOpenApi();
        builder.Services.AddSimpleApi();
        builder.Services.AddMeridianWeb(builder.Configuration);

        var app = builder.Build();
        app.MapMeridianMetrics();
        if (!role.ServesApis)
        {
            // An edge node answers DNS; over HTTP only its liveness and metrics, for the operator.
            app.MapMeridianHealthChecks(liveOnly: true);
            return app;
        }
        app.UseApiSurfaces();
        app.UseCallerRateLimits().UseIdempotencyKeys();
        app.UseMeridianWeb();
        app.MapClientApiEndpoints();
        app.MapPartnerApiEndpoints();
        app.MapMeridianWeb();
        app.MapAdminApiEndpoints();
        app.MapEmailDnsEndpoints();
        app.MapSimpleApiEndpoints();
        app.MapMeridianOpenApi();
        app.MapMeridianHealthChecks();
        return app;
    }

    /// <summary>The locator's overrides (validated on start); <see cref="GeoHostedService"/> loads its database.</summary>
    private static GeoOverrides CreateGeoOverrides(GeoOptions geo) =>
        geo.TryCreateOverrides(out var overrides, out var error) ? overrides : throw new InvalidOperationException("configuration: " + error);
}
