using System.Diagnostics;
using System.Text.RegularExpressions;
using Meridian.Server.Cli;

namespace Meridian.Server.Tests.Cli;

/// <summary><c>meridian zone check</c> end to end: arguments, exit codes, output, and errors as FILE:LINE:COL.</summary>
public sealed partial class ZoneCheckCommandTests : IDisposable
{
    private const string Zone = "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 120\n@ NS ns\nns A 192.0.2.1\nwww 60 IN A 192.0.2.10\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteZone(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = await CommandRouter.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Good_zone_prints_its_records_in_bind_order_and_exits_0()
    {
        string path = WriteZone("good.zone", Zone);
        var (exit, output, errors) = await RunAsync("zone", "check", path, "--origin", "example");
        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Equal(
            ["example.\t300\tIN\tSOA\tns.example. hostmaster.example. 1 3600 600 86400 120", "example.\t300\tIN\tNS\tns.example.",
             "ns.example.\t300\tIN\tA\t192.0.2.1", "www.example.\t60\tIN\tA\t192.0.2.10"],
            output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Syntax_error_is_printed_as_file_line_column_and_exits_1()
    {
        string path = WriteZone("bad.zone", Zone + "mail MX ten mail\n");
        var (exit, output, errors) = await RunAsync("zone", "check", path, "--origin", "example.");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Matches(ErrorLine(), errors.TrimEnd());
        Assert.StartsWith($"{path}:6:9: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_error_exits_1_with_a_position_too()
    {
        string path = WriteZone("content.zone", Zone + "www CNAME ns\n");
        var (exit, _, errors) = await RunAsync("zone", "check", path, "--origin", "example.");
        Assert.Equal(1, exit);
        Assert.Equal($"{path}:6:1: www.example: CNAME and other data", errors.TrimEnd());
    }

    [Fact]
    public async Task Every_error_is_reported_not_only_the_first()
    {
        string path = WriteZone("two.zone", Zone + "a A 192.0.2\nb FOO x\n");
        var (exit, _, errors) = await RunAsync("zone", "check", path, "--origin", "example.");
        Assert.Equal(1, exit);
        Assert.Equal([$"{path}:6:5: bad dotted quad", $"{path}:7:3: unknown RR type 'FOO'"], errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Include_needs_the_allow_include_flag()
    {
        WriteZone("part.inc", "extra A 192.0.2.20\n");
        string path = WriteZone("main.zone", Zone + $"$INCLUDE {Path.Combine(_directory, "part.inc")}\n");

        var refused = await RunAsync("zone", "check", path, "--origin", "example.");
        Assert.Equal(1, refused.Exit);
        Assert.Equal($"{path}:6:1: $INCLUDE not allowed", refused.Errors.TrimEnd());

        var allowed = await RunAsync("zone", "check", path, "--origin", "example.", "--allow-include");
        Assert.Equal(0, allowed.Exit);
        Assert.Contains("extra.example.\t300\tIN\tA\t192.0.2.20", allowed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Class_option_checks_a_zone_of_another_class()
    {
        string path = WriteZone("ch.zone", "$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\nns TXT \"x\"\n");
        var (exit, output, errors) = await RunAsync("zone", "check", path, "--origin", "example.", "--class", "CH");
        Assert.True(exit == 0, errors);
        Assert.Contains("example.\t300\tCH\tSOA\t", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "zone", "check" }, "missing FILE")]
    [InlineData(new[] { "zone", "check", "x.zone" }, "missing --origin NAME")]
    [InlineData(new[] { "zone", "check", "x.zone", "--origin", "a..b" }, "bad origin 'a..b'")]
    [InlineData(new[] { "zone", "check", "x.zone", "--origin", "example.", "--frobnicate" }, "unexpected argument '--frobnicate'")]
    [InlineData(new[] { "zone", "check", "x.zone", "--origin", "example.", "--class", "XYZ" }, "bad class 'XYZ'")]
    public async Task Usage_errors_exit_2(string[] args, string message)
    {
        var (exit, output, errors) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Contains("usage: meridian zone check FILE --origin NAME", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_exits_1()
    {
        string path = Path.Combine(_directory, "nowhere.zone");
        var (exit, _, errors) = await RunAsync("zone", "check", path, "--origin", "example.");
        Assert.Equal(1, exit);
        Assert.Equal($"{path}: file not found", errors.TrimEnd());
    }

    [Fact]
    public void Built_executable_reports_errors_on_stderr_with_exit_code_1()
    {
        string path = WriteZone("process.zone", Zone + "www TXT \"unterminated\n");
        string program = Path.Combine(AppContext.BaseDirectory, "meridian.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { program, "zone", "check", path, "--origin", "example." }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", output);
        Assert.Equal($"{path}:6:9: unbalanced quotes", errors.TrimEnd());
    }

    [GeneratedRegex(@"^.+:\d+:\d+: .+$")]
    private static partial Regex ErrorLine();
}
