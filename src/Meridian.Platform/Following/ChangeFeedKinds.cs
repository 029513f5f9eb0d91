namespace Meridian.Platform.Following;

/// <summary>What a change feed entry is about.</summary>
public static class ChangeFeedKinds
{
    public const string Zone = "zone";

    public const string ApiKey = "api_key";
}
