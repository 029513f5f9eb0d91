using System.Diagnostics;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>A record as read, with where it was written and its commit group.</summary>
internal sealed record ReadRecord(ResourceRecord Record, ZoneFilePosition Position, long Group)
{
    public string Owner => Record.Owner.ToString();

    public uint Ttl => Record.Ttl;

    public string Data => Record.ToString().Split('\t', 5)[4];
}

/// <summary>Everything a reader produced for one text, reading on past errors.</summary>
internal sealed record ReadResult(List<ReadRecord> Records, List<ZoneFileError> Errors, List<ZoneFileError> Warnings)
{
    public ReadRecord Single(string owner, DnsType type) =>
        Records.Single(r => r.Owner == owner && r.Record.Type == type);
}

/// <summary>Shared helpers for the zone-file tests: reading text, running the zone check, running BIND.</summary>
internal static class ZoneFileTesting
{
    /// <summary>A zone head BIND accepts: SOA, NS and the NS name's address.</summary>
    public const string Head = "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 120\n@ NS ns\nns A 192.0.2.1\n";

    public static ReadResult Read(string text, string origin = "example.", DnsClass dnsClass = DnsClass.IN,
        bool allowInclude = false, string? includeDirectory = null, DateTimeOffset? now = null)
    {
        var warnings = new List<ZoneFileError>();
        var reader = new ZoneFileReader(Encoding.Latin1.GetBytes(text), new ZoneFileReaderOptions
        {
            Origin = DnsName.Parse(origin),
            Class = dnsClass,
            FileName = "test.zone",
            AllowInclude = allowInclude,
            IncludeDirectory = includeDirectory,
            Now = now,
            Warning = warnings.Add,
        });
        var records = new List<ReadRecord>();
        var errors = new List<ZoneFileError>();
        while (true)
        {
            if (reader.TryReadNext(out var record))
            {
                records.Add(new ReadRecord(record, reader.Position, reader.Group));
                continue;
            }
            if (reader.Error is null) break;
            errors.Add(reader.Error);
        }
        return new ReadResult(records, errors, warnings);
    }

    /// <summary>Reads text that must have no errors.</summary>
    public static List<ReadRecord> ReadValid(string text, string origin = "example.")
    {
        var result = Read(text, origin);
        Assert.Empty(result.Errors);
        return result.Records;
    }

    /// <summary>The first error reading <paramref name="text"/>, as FILE:LINE:COL: message.</summary>
    public static string FirstError(string text, string origin = "example.")
    {
        var result = Read(text, origin);
        Assert.NotEmpty(result.Errors);
        return result.Errors[0].ToString();
    }

    /// <summary>Runs the zone check on text written to a temporary file; returns exit code, output, errors.</summary>
    public static (int Exit, string Output, string Errors) Check(string text, string origin = "example.", DateTimeOffset? now = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"meridian-zone-{Guid.NewGuid():N}.zone");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
        try
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            int exit = ZoneCheck.Run(new ZoneCheckOptions { FilePath = path, Origin = DnsName.Parse(origin), Now = now, ShowWarnings = false }, output, errors);
            return (exit, output.ToString(), errors.ToString().Replace(path, "test.zone", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The lines of a zone dump with white space runs collapsed, as `diff -w` compares them.</summary>
    public static string[] NormalizedLines(string dump) =>
        [.. dump.Split('\n').Select(line => string.Join(' ', line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0)];

    /// <summary>The lines of a zone dump with all white space removed: `diff -w` equality (BIND breaks
    /// long hex and base64 with spaces where we may not).</summary>
    public static string Unspaced(string dump) =>
        string.Join('\n', dump.Split('\n').Select(line => string.Concat(line.Where(c => !char.IsWhiteSpace(c)))).Where(line => line.Length > 0));

    private static readonly string? s_namedCompilezone = FindProgram("named-compilezone");
    private static readonly string? s_namedCheckzone = FindProgram("named-checkzone");
    private static readonly string? s_knotc = FindProgram("knotc");

    /// <summary>Path of BIND's named-compilezone; a test that asks for it on a machine without it fails naming it.</summary>
    public static string NamedCompilezone => Require(s_namedCompilezone, "named-compilezone", "bind9-utils");

    /// <summary>Path of BIND's named-checkzone (fails the test naming it when absent).</summary>
    public static string NamedCheckzone => Require(s_namedCheckzone, "named-checkzone", "bind9-utils");

    /// <summary>Path of Knot's knotc (fails the test naming it when absent).</summary>
    public static string Knotc => Require(s_knotc, "knotc", "knot");

    /// <summary>The tool's path, or an exception that names it: the suite needs it, so its absence is a failure, never a skip.</summary>
    private static string Require(string? path, string program, string package) =>
        path ?? throw new InvalidOperationException($"{program} is not installed (Debian package {package}; ./test.sh installs it) and this test needs it");

    /// <summary>Runs a BIND tool; returns exit code, standard output and standard error.</summary>
    public static (int Exit, string Output, string Errors) RunBind(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    private static string? FindProgram(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin").Append("/sbin"))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
