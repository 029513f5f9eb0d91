using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Client;

/// <summary>Registers <see cref="MeridianClient"/> as a typed client of IHttpClientFactory, so its connections are
/// pooled and recycled by the factory.</summary>
public static class MeridianServiceCollectionExtensions
{
    /// <summary>Adds a transient <see cref="MeridianClient"/> configured by <paramref name="configure"/> (and the
    /// MERIDIAN_* environment variables for what it leaves unset). Returns the builder of its HttpClient, to add
    /// handlers.</summary>
    public static IHttpClientBuilder AddMeridianClient(this IServiceCollection services, Action<MeridianClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MeridianClientOptions>().Configure(configure);
        // A named client plus one typed-client registration: the client is made from the options, not by activation.
        return services.AddHttpClient(nameof(MeridianClient), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient((http, provider) => new MeridianClient(provider.GetRequiredService<IOptions<MeridianClientOptions>>().Value, http));
    }
}
