namespace Meridian.Api.Tests.Support;

/// <summary>Meridian on a PostgreSQL database the test owns (and throws away with its server).</summary>
public sealed class ConnectionStringApiHost(string connectionString) : ApiHost
{
    protected override Task<IReadOnlyDictionary<string, string>> CreateStorageAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Meridian:Database"] = connectionString });

    protected override Task DeleteStorageAsync() => Task.CompletedTask;
}
