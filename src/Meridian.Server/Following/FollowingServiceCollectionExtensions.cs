using Meridian.Platform.Following;

namespace Meridian.Server.Following;

/// <summary>Registers following the database (section "Following") for `meridian serve`; call after the platform's
/// start-up hosted service.</summary>
internal static class FollowingServiceCollectionExtensions
{
    public static IServiceCollection AddFollowing(this IServiceCollection services, NodeRole role)
    {
        services.AddSingleton(role);
        // Validated with every other section (MeridianConfiguration), naming the key.
        services.AddOptions<FollowingOptions>().BindConfiguration(FollowingOptions.Section);
        services.AddHostedService<FollowingHostedService>();
        return services;
    }
}
