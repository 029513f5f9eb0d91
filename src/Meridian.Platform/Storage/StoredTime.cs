namespace Meridian.Platform.Storage;

/// <summary>The time a change is stamped with: UTC, cut to whole microseconds, which is what PostgreSQL
/// keeps, so a returned entity equals what a later read gives on either database.</summary>
internal static class StoredTime
{
    public static DateTime Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
