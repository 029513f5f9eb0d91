using System.ComponentModel.DataAnnotations;

namespace Meridian.Platform.Following;

/// <summary>How a serving node follows the change feed (configuration section "Following").</summary>
public sealed class FollowingOptions : IValidatableObject
{
    public const string Section = "Following";

    /// <summary>How often the feed is read when nothing wakes the follower (PostgreSQL's LISTEN/NOTIFY wakes it at
    /// once; SQLite, and PostgreSQL while the listening connection is down, rely on this).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a cached API key is trusted after the follower last read the feed: the longest a revocation
    /// made on another node can go unseen here. Longer than <see cref="PollInterval"/>, or keys would be read from
    /// the database between polls.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan KeyTrustWindow { get; set; } = TimeSpan.FromMilliseconds(750);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyTrustWindow <= PollInterval)
            yield return new ValidationResult("Following:KeyTrustWindow must be longer than Following:PollInterval", [nameof(KeyTrustWindow)]);
    }
}
