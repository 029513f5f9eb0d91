namespace Meridian.Api.Tests.Support;

/// <summary>Meridian on PostgreSQL running on a <see cref="TestClock"/> the tests move.</summary>
public sealed class ClockedPostgresApiHost : PostgresApiHost
{
    public TestClock Clock { get; } = new();

    protected override TimeProvider CreateClock() => Clock;
}
