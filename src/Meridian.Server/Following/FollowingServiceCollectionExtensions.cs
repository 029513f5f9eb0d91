using Meridian.Platform.Following;
using Meridian.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Following;

/// <summary>Registers following the database (section "Following") and pruning the change feed (section "ChangeFeed")
/// for `meridian serve`; call after the platform's start-up hosted service.</summary>
internal static class FollowingServiceCollectionExtensions
{
    public static IServiceCollection AddFollowing(this IServiceCollection services, NodeRole role)
    {
        services.AddSingleton(role);
        // Validated with every other section (MeridianConfiguration), naming the key.
        services.AddOptions<FollowingOptions>().BindConfiguration(FollowingOptions.Section);
        services.AddHostedService<FollowingHostedService>();
        services.AddOptions<ChangeFeedRetentionOptions>().BindConfiguration(ChangeFeedRetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChangeFeedRetentionOptions>>(new SectionValidator<ChangeFeedRetentionOptions>(ChangeFeedRetentionOptions.Section));
        services.AddHostedService<ChangeFeedPruningHostedService>();
        return services;
    }
}
