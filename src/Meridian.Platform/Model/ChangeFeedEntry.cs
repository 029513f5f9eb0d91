namespace Meridian.Platform.Model;

/// <summary>One entry of the change feed that serving nodes follow: "zone <see cref="ZoneId"/> is now at
/// <see cref="Serial"/>" or "API key <see cref="KeyId"/> changed". Positions are handed out in commit order (on
/// PostgreSQL under a transaction-scoped advisory lock held until the commit, see Following/ChangeFeedSql), so a
/// follower that has read every position up to N has seen every change committed before N's.</summary>
public sealed class ChangeFeedEntry
{
    public long Position { get; set; }

    /// <summary><c>zone</c> or <c>api_key</c> (<see cref="Following.ChangeFeedKinds"/>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>For zone entries: the zone changed (created, written or deleted).</summary>
    public Guid? ZoneId { get; set; }

    /// <summary>For zone entries: the zone's serial after the change (its <see cref="ZoneChange"/> has the same).</summary>
    public long? Serial { get; set; }

    /// <summary>For key entries: the token's public key id (<see cref="ApiKey.KeyId"/>) revoked, rotated away or whose
    /// account was suspended or resumed.</summary>
    public string? KeyId { get; set; }

    /// <summary>When the change was made (the writer's clock), for measuring how long it took to reach a node.</summary>
    public DateTime At { get; set; }
}
