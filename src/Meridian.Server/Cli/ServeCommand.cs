using Meridian.Server.Configuration;
using Meridian.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Cli;

/// <summary><c>meridian serve [--data DIR] [--database CONNECTION_STRING] [--http ADDR:PORT] [--dns ADDR:PORT] [--role all|edge]</c>:
/// the HTTP APIs and the DNS server together (an edge node: DNS only); stops cleanly on SIGTERM. A bad configuration
/// value stops it before it listens: one line on standard error naming every bad key, exit code 2.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        WebApplication app;
        try
        {
            app = MeridianHost.Build(args);
        }
        catch (Exception e) when (e is ArgumentException || ConfigurationProblems.Of(e) is not null)
        {
            await stderr.WriteLineAsync($"meridian serve: {Describe(e)}");
            return 2;
        }
        await using (app)
        {
            try
            {
                // Every section at once, before anything is started: Host.StartAsync would make the hosted services
                // first, and the first one made from a bad section would report that section alone (after logging a
                // stack trace).
                app.Services.GetService<IStartupValidator>()?.Validate();
                await app.StartAsync();
            }
            catch (Exception e) when (ConfigurationProblems.Of(e) is not null)
            {
                await stderr.WriteLineAsync($"meridian serve: {Describe(e)}");
                return 2;
            }
            await app.WaitForShutdownAsync();
        }
        return 0;
    }

    private static string Describe(Exception e) => ConfigurationProblems.Of(e) is { } problems ? ConfigurationProblems.OneLine(problems) : e.Message;
}
