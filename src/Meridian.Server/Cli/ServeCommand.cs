using Meridian.Server.Hosting;

namespace Meridian.Server.Cli;

/// <summary><c>meridian serve [--data DIR] [--database CONNECTION_STRING] [--http ADDR:PORT] [--dns ADDR:PORT] [--role all|edge]</c>:
/// the HTTP APIs and the DNS server together (an edge node: DNS only); stops cleanly on SIGTERM.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        WebApplication app;
        try
        {
            app = MeridianHost.Build(args);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"meridian serve: {e.Message}");
            return 2;
        }
        await app.RunAsync();
        return 0;
    }
}
