using Meridian.Server.Cli;
using Meridian.Server.Geo;
using Meridian.Server.Tests.Support;

namespace Meridian.Server.Tests.Geo;

/// <summary>Which geo database a server uses (Geo:Database, else the data directory's, else the one shipped beside the
/// binary), <c>meridian geo status</c>, and the refusal to start without one.</summary>
public sealed class GeoDatabaseChoiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-geo-choice-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Touch(params string[] parts)
    {
        string path = Path.Combine([_directory, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void The_configured_file_wins_then_the_data_directory_then_the_shipped_one()
    {
        string data = Path.Combine(_directory, "data"), shipped = Path.Combine(_directory, "bin");
        var options = new GeoOptions();
        Assert.Equal(GeoDatabaseSource.None, options.ChooseDatabase(data, shipped).Source);
        Assert.NotNull(options.MissingDatabaseProblem(data, shipped));

        string shippedFile = Touch("bin", "geo", GeoOptions.DefaultFileName);
        Assert.Equal(new GeoDatabaseChoice(shippedFile, GeoDatabaseSource.Shipped), options.ChooseDatabase(data, shipped));
        Assert.Null(options.MissingDatabaseProblem(data, shipped));

        string dataFile = Touch("data", "geo", GeoOptions.DefaultFileName);
        Assert.Equal(new GeoDatabaseChoice(dataFile, GeoDatabaseSource.DataDirectory), options.ChooseDatabase(data, shipped));

        options.Database = Path.Combine(_directory, "elsewhere.mmdb");
        Assert.Equal(new GeoDatabaseChoice(options.Database, GeoDatabaseSource.Configured), options.ChooseDatabase(data, shipped));
        // A named file that is missing is an error even though others exist: the operator asked for that one.
        Assert.Contains("Geo:Database: no file at", options.MissingDatabaseProblem(data, shipped), StringComparison.Ordinal);
        options.Required = false;
        Assert.Null(options.MissingDatabaseProblem(data, shipped));
    }

    [Fact]
    public async Task Serve_refuses_to_start_without_a_geo_database_unless_it_is_not_required()
    {
        var stderr = new StringWriter();
        string missing = Path.Combine(_directory, "missing.mmdb");
        int exit = await CommandRouter.RunAsync(["serve", "--data", _directory, "--dns", "127.0.0.1:0", $"--Geo:Database={missing}"], TextWriter.Null, stderr);

        Assert.Equal(2, exit);
        string message = stderr.ToString().Trim();
        Assert.DoesNotContain('\n', message);
        Assert.Contains($"Geo:Database: no file at {missing}", message, StringComparison.Ordinal);
        Assert.Contains("Geo:Required=false", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_executable_with_no_database_anywhere_and_default_settings_refuses_to_start_naming_the_setting()
    {
        // A copy of the build output without geo/: nothing beside the binary, nothing in the (empty) data directory,
        // no Geo setting at all.
        string build = Path.Combine(_directory, "build"), data = Path.Combine(_directory, "data");
        string source = AppContext.BaseDirectory;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("geo" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(build, relative))!);
            File.Copy(file, Path.Combine(build, relative));
        }
        Directory.CreateDirectory(data);
        var (exit, stdout, stderr) = await ServeThatStops.RunAsync(data, [], "meridian serve started without any geo database", buildDirectory: build);

        Assert.Equal(2, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("meridian serve: configuration: Geo:Database: no geo database in ", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(data, "geo") + " nor beside the binary", line, StringComparison.Ordinal);
        Assert.Contains("set Geo:Required=false to run without GeoDNS", line, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Geo_status_names_the_shipped_database_its_build_date_and_network_count()
    {
        // The tests' output folder carries the shipped database as a build of the server does (geo/ beside meridian.dll).
        var stdout = new StringWriter();
        int exit = await CommandRouter.RunAsync(["geo", "status", "--data", _directory], stdout, TextWriter.Null);

        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 2)..]);
        Assert.Equal(GeoOptions.ShippedPath(), lines["file"]);
        Assert.Equal("shipped beside the binary", lines["chosen from"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", lines["built"]);
        Assert.True(long.Parse(lines["networks"], System.Globalization.CultureInfo.InvariantCulture) > 100_000, lines["networks"]);
    }

    [Fact]
    public async Task Geo_status_fails_naming_the_file_when_there_is_none()
    {
        var stderr = new StringWriter();
        int exit = await CommandRouter.RunAsync(["geo", "status", "--data", _directory, $"--Geo:Database={_directory}/none.mmdb"], TextWriter.Null, stderr);

        Assert.Equal(1, exit);
        Assert.Contains($"no geo database (looked for {_directory}/none.mmdb)", stderr.ToString(), StringComparison.Ordinal);
    }
}
