namespace Meridian.Api.Tests.Support;

/// <summary>A PostgreSQL server of the test's own (never the run's shared one), which the test can stop and start
/// again on the same port with the same data: a database outage.</summary>
public sealed class StoppablePostgres : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meridian-api-pg-outage-" + Guid.NewGuid().ToString("N")[..12]);

    private StoppablePostgres()
    {
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<StoppablePostgres> StartAsync()
    {
        var server = new StoppablePostgres();
        server.ConnectionString = (await PostgresTempScript.RunAsync("start", server._directory)).Trim().Split('\n')[^1];
        return server;
    }

    public Task StopServerAsync() => PostgresTempScript.RunAsync("stop-server", _directory);

    public Task StartServerAsync() => PostgresTempScript.RunAsync("start-server", _directory);

    public async ValueTask DisposeAsync() => await PostgresTempScript.RunAsync("stop", _directory);
}
