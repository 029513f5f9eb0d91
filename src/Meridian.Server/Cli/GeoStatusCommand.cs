using System.Globalization;
using Meridian.Geo;
using Meridian.Server.Geo;
using Meridian.Server.Hosting;

namespace Meridian.Server.Cli;

/// <summary><c>meridian geo status [--data DIR] [--Geo:Database=FILE]</c>: which geo database <c>serve</c> would use with
/// the same configuration, its build date and how many networks it holds. Exit 1 when there is none or it cannot be
/// read.</summary>
internal static class GeoStatusCommand
{
    public const string Usage = """
          geo status [--data DIR]
              the geo database serve uses (Geo:Database, else DIR/geo/, else the one shipped beside the binary),
              its build date and network count
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (flags, unknown) = ConfigurationLayers.ParseFlags(args);
        if (unknown.Count > 0 || flags.ContainsKey("--dns") || flags.ContainsKey("--http"))
        {
            await stderr.WriteLineAsync($"meridian geo status: unexpected argument '{(unknown.Count > 0 ? unknown[0] : "--dns/--http")}'");
            return 2;
        }
        var configuration = new ConfigurationManager();
        ConfigurationLayers.Apply(configuration, flags);
        var serve = configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
        var geo = configuration.GetSection(GeoOptions.Section).Get<GeoOptions>() ?? new GeoOptions();
        var choice = geo.ChooseDatabase(serve.DataDirectory);
        if (choice.Source == GeoDatabaseSource.None || !File.Exists(choice.Path))
        {
            await stderr.WriteLineAsync(
                $"meridian geo status: no geo database (looked for {choice.Path}); {geo.MissingDatabaseProblem(serve.DataDirectory) ?? "Geo:Required=false: serve runs without GeoDNS"}");
            return 1;
        }
        if (!GeoDatabase.TryOpen(choice.Path, out var database, out var error))
        {
            await stderr.WriteLineAsync($"meridian geo status: {error}");
            return 1;
        }
        using (database)
        {
            await stdout.WriteLineAsync($"file: {choice.Path}");
            await stdout.WriteLineAsync($"chosen from: {choice.Describe()}");
            await stdout.WriteLineAsync($"type: {database.DatabaseType} (IPv{database.IPVersion})");
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"built: {database.BuildDate:yyyy-MM-dd HH:mm:ss} UTC"));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"networks: {database.CountNetworks()}"));
        }
        return 0;
    }
}
