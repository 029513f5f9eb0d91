using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Meridian.Api.Admin;
using Meridian.Api.Client;
using Meridian.Api.Http;
using Meridian.Dns.Server.Hosting;
using Meridian.Geo;
using Meridian.Platform.Publishing;
using Meridian.Server.Geo;
using Meridian.Server.Health;

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
        var http = HttpLimitsOptions.Read(builder.Configuration);
        var budgets = ConnectionBudgets.Of(http, dns, serve, DescriptorLimit.Read());
        var problems = serve.Validate().Concat(dns.Validate()).Concat(http.Validate()).Concat(budgets.Validate()).ToList();
        var geo = builder.Configuration.GetSection(GeoOptions.Section).Get<GeoOptions>() ?? new GeoOptions();
        if (!geo.TryCreateOverrides(out _, out var geoError)) problems.Add(geoError);
        if (problems.Count > 0) throw new InvalidOperationException("configuration: " + string.Join("; ", problems));

        builder.WebHost.UseUrls("http://" + serve.Http);
        builder.UseConnectionBudgets(http, budgets);
        builder.Services.AddSingleton(provider => ReadDnsOptions(provider.GetRequiredService<IConfiguration>(), dnsOverride));
        builder.Services.AddSingleton(provider => CreateGeoLocator(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(provider => new DnsServer(provider.GetRequiredService<DnsServerOptions>(), provider.GetRequiredService<GeoLocator>(),
            provider.GetRequiredService<ILoggerFactory>()));
        // Committed writes publish straight into this process's DNS server.
        builder.Services.AddSingleton<IZonePublisher>(provider => new DnsServerZonePublisher(provider.GetRequiredService<DnsServer>()));
        builder.Services.AddPlatform();
        // Order matters: zones are loaded before DNS listens, and both before HTTP accepts requests.
        builder.Services.AddHostedService<PlatformHostedService>();
        builder.Services.AddHostedService<GeoHostedService>();
        builder.Services.AddHostedService<DnsHostedService>();
        builder.Services.AddRequestFailureHandlers();
        builder.Services.AddMeridianHealthChecks();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        });

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            // Whatever went wrong, the client gets no internals: the details are in the server's log.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = "internal server error" });
        }));
        // A status with no body under /api (unknown route 404, wrong method 405) still answers in the
        // surface's error format.
        app.UseStatusCodePages(async status =>
        {
            var http = status.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api")) return;
            string message = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status405MethodNotAllowed => "Method not allowed",
                _ => ReasonPhrases.GetReasonPhrase(http.Response.StatusCode),
            };
            await http.Response.WriteAsJsonAsync(new { error = message });
        });
        app.MapClientApiEndpoints();
        app.MapAdminApiEndpoints();
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
