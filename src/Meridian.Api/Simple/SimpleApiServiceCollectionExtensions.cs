using Meridian.Platform;
using Meridian.Platform.Simple;
using Meridian.Providers;
using Meridian.Providers.Adapters;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Simple;

/// <summary>Registers the Simple API: its options (validated on start), token scheme and policy, backend, the port of
/// its own (<c>SimpleApi:Listen</c>) and the warning a weak secret earns at every start.</summary>
public static class SimpleApiServiceCollectionExtensions
{
    public const string Policy = "simple";

    public static IServiceCollection AddSimpleApi(this IServiceCollection services)
    {
        services.AddOptions<SimpleApiOptions>()
            .BindConfiguration(SimpleApiOptions.Section)
            .PostConfigure(ApplyLegacyEnvironment)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimpleApiOptions>, SimpleApiOptionsValidator>();
        services.AddSingleton<SimpleApiDirectory>();
        // The DNSimple client of the provider adapters (registered with the Email DNS API; added here when a host has not).
        if (!services.Any(d => d.ServiceType == typeof(DnsimpleClient))) services.AddDnsProviders();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SimpleApiOptions>>().Value;
            // Validation refuses to start with any other backend or an incomplete DNSimple section.
            return options.Backend == SimpleApiBackends.DNSimple
                ? PlatformServiceCollectionExtensions.CreateDnsimpleSimpleBackend(provider, options.DNSimple.Token!, options.DNSimple.AccountId!.Value,
                    options.DNSimple.Ttl)
                : PlatformServiceCollectionExtensions.CreateMeridianSimpleBackend(provider, options.Account ?? "", options.Ttl);
        });
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SimpleTokenAuthenticationHandler>(SimpleTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options => options.AddPolicy(Policy, policy =>
            policy.AddAuthenticationSchemes(SimpleTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser()));
        // The port of its own: a Kestrel endpoint beside the main one (read with the options, so a bad address is
        // refused by start-up validation before anything listens).
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SimpleApiOptions>>((kestrel, simple) =>
        {
            try
            {
                if (SimpleApiOptions.TryParseListen(simple.Value.Listen, out var endpoint)) kestrel.Listen(endpoint);
            }
            catch (OptionsValidationException)
            {
            }
        });
        services.AddTransient<IStartupFilter, SimpleApiListenFilter>();
        services.AddHostedService<SimpleApiStartupLog>();
        return services;
    }

    /// <summary>Everything wrong with the "SimpleApi" section (and the original's variables when it asks for them), for a
    /// host that checks its configuration before it builds; the same rules run again on start (ValidateOnStart).</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        var options = Read(configuration);
        return options.TokenProblems().Concat(options.ServeProblems(configuration["Meridian:Http"] ?? "")).ToList();
    }

    /// <summary>The options as the server sees them: the section, then the original's variables when it asks for them.</summary>
    public static SimpleApiOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SimpleApiOptions.Section).Get<SimpleApiOptions>() ?? new SimpleApiOptions();
        ApplyLegacyEnvironment(options);
        return options;
    }

    private static void ApplyLegacyEnvironment(SimpleApiOptions options)
    {
        if (options.LegacyEnvironment) options.LegacyProblems.AddRange(SimpleApiLegacyEnvironment.Apply(options, Environment.GetEnvironmentVariable));
    }

}

/// <summary>Checks <see cref="SimpleApiOptions"/> when the server starts: the secret and users, the backend, the listen
/// address. A refusal stops the start with every problem on one line.</summary>
internal sealed class SimpleApiOptionsValidator(IConfiguration configuration) : IValidateOptions<SimpleApiOptions>
{
    public ValidateOptionsResult Validate(string? name, SimpleApiOptions options)
    {
        string mainHttp = configuration["Meridian:Http"] ?? "";
        var problems = options.TokenProblems().Concat(options.ServeProblems(mainHttp)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Requests that arrive on <c>SimpleApi:Listen</c> are the Simple API's at <c>/</c>: their path is put under
/// <c>/simple</c> before routing, so one set of endpoints serves both mounts and nothing else answers on that port.</summary>
internal sealed class SimpleApiListenFilter(IOptions<SimpleApiOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (SimpleApiOptions.TryParseListen(options.Value.Listen, out var endpoint))
        {
            int port = endpoint.Port;
            PathString basePath = SimpleSurface.Instance.BasePath;
            app.Use((context, following) =>
            {
                if (context.Connection.LocalPort == port) context.Request.Path = basePath.Add(context.Request.Path);
                return following(context);
            });
        }
        next(app);
    };
}

/// <summary>Says at every start what the Simple API runs with, and warns while a weak secret is allowed.</summary>
internal sealed partial class SimpleApiStartupLog(IOptions<SimpleApiOptions> options, ILogger<SimpleApiStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var simple = options.Value;
        if (!simple.Enabled) return Task.CompletedTask;
        LogEnabled(logger, simple.Backend, simple.Users.Count, string.IsNullOrWhiteSpace(simple.Listen) ? "/simple only" : "/simple and " + simple.Listen);
        if (simple.IsWeakSecret) LogWeakSecret(logger, simple.SecretBytes.Length, SimpleApiOptions.StrongSecretBytes);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Simple API: backend {Backend}, {Users} user(s), at {Mounts}")]
    private static partial void LogEnabled(ILogger logger, string backend, int users, string mounts);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning,
        Message = "Simple API: SimpleApi:SecretKey is {Bytes} bytes, below the {Strong} a new deployment needs; accepted because SimpleApi:AllowWeakSecret=true. " +
                  "Move to a strong secret (every token then changes) when the scripts that hold the old tokens can be updated")]
    private static partial void LogWeakSecret(ILogger logger, int bytes, int strong);
}
