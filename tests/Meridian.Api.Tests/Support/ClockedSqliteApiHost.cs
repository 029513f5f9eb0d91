namespace Meridian.Api.Tests.Support;

/// <summary>Meridian on SQLite running on a <see cref="TestClock"/> the tests move.</summary>
public sealed class ClockedSqliteApiHost : SqliteApiHost
{
    public TestClock Clock { get; } = new();

    protected override TimeProvider CreateClock() => Clock;
}
