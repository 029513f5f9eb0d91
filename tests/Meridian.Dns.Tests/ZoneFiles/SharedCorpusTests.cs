using System.Text.RegularExpressions;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;
using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>The shared zone corpus (../shared/testdata/zones beside the repository): every file BIND
/// loaded must come out as its NAME.canonical (named-compilezone's dump, white space aside); every file
/// BIND refused (NAME.bind-error) must be refused too — by the reader when BIND's reasons include
/// syntax, and by <see cref="ZoneValidator"/> when they are only about content.</summary>
public partial class SharedCorpusTests
{
    // BIND's messages that are about zone content, not syntax; and the ones that are only warnings.
    private static readonly string[] ContentProblems =
    [
        "CNAME and other data", "has no NS records", "SOA records", "has no address records", "invalid NS owner name",
        "invalid NSEC3 owner name", "multiple RRs of singleton type", "is a CNAME (illegal)", "is below a DNAME",
        "record not at top of zone", "record at top of zone",
    ];

    private static readonly string[] Warnings =
    [
        "record with inherited owner", "file does not end with newline", "TTL set to prior TTL", "using SOA MINTTL",
        "> MAXTTL", "ignoring out-of-zone data", "old style DNSSEC", "non-terminal wildcard", "not loaded due to errors",
        "loading from master file",
    ];

    /// <summary>The corpus folder, or null when this checkout has none beside it.</summary>
    public static string? CorpusDirectory { get; } = FindCorpus();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (CorpusDirectory is null) return data;
        foreach (var entry in Manifest().Keys.Order(StringComparer.Ordinal)) data.Add(entry);
        return data;
    }

    [SharedCorpusTheory]
    [MemberData(nameof(Files))]
    public void File_is_read_as_bind_reads_it(string file)
    {
        var (origin, notes) = Manifest()[file];
        string path = Path.Combine(CorpusDirectory!, file);
        // Files with $INCLUDE companions sit in a folder of their own, which was BIND's working directory.
        string workingDirectory = file.Contains('/', StringComparison.Ordinal) ? Path.Combine(CorpusDirectory!, file[..file.IndexOf('/', StringComparison.Ordinal)]) : CorpusDirectory!;
        var classMatch = CompileClass().Match(notes);
        Assert.True(DnsTypeNames.TryParseClass(System.Text.Encoding.ASCII.GetBytes(classMatch.Success ? classMatch.Groups[1].Value : "IN"), out var dnsClass));
        var options = new ZoneCheckOptions
        {
            FilePath = path,
            Origin = DnsName.Parse(origin),
            Class = dnsClass,
            AllowInclude = true,
            IncludeDirectory = workingDirectory,
            ShowWarnings = false,
            // Signatures made after this date get "now" as their re-sign time in BIND's dumps.
            Now = File.GetLastWriteTimeUtc(path + ".canonical") is { Year: > 1601 } written ? written : null,
        };
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = ZoneCheck.Run(options, output, errors);

        if (File.Exists(path + ".canonical"))
        {
            Assert.True(exit == 0, $"BIND loaded {file}, we refused it:\n{errors}");
            Assert.Equal(Unspaced(File.ReadAllText(path + ".canonical")), Unspaced(output.ToString()));
            return;
        }

        string[] bindErrors = [.. File.ReadAllLines(path + ".bind-error").Where(line => !line.StartsWith('#') && line.Length > 0)];
        Assert.True(exit != 0, $"BIND refused {file} ({string.Join(" | ", bindErrors)}), we accepted it");
        bool contentOnly = bindErrors.All(line => ContentProblems.Concat(Warnings).Any(m => line.Contains(m, StringComparison.Ordinal)));
        if (!contentOnly) return;

        // A content refusal: the reader must accept the file and the validator refuse it.
        var reader = ZoneFileReader.FromFile(path, new ZoneFileReaderOptions
        {
            Origin = options.Origin, Class = dnsClass, FileName = file, AllowInclude = true, IncludeDirectory = workingDirectory,
        });
        var builder = new CompiledZoneBuilder(options.Origin, dnsClass);
        while (reader.TryReadNext(out var record)) builder.Add(record, reader.Position, reader.Group);
        Assert.Null(reader.Error);
        Assert.NotEmpty(ZoneValidator.Validate(builder.Build(), file));
    }

    private static Dictionary<string, (string Origin, string Notes)> Manifest()
    {
        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(CorpusDirectory!, "MANIFEST.tsv")).Skip(1))
        {
            string[] fields = line.Split('\t');
            if (fields.Length < 10 || fields[1] == "(included)") continue;
            entries[fields[0]] = (fields[1], fields[9]);
        }
        return entries;
    }

    private static string? FindCorpus()
    {
        // The repository root holds Meridian.sln; the corpus sits beside the repository (CI), or beside
        // the folder of worktrees that holds it.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "Meridian.sln"))) continue;
            foreach (string relative in new[] { "../shared/testdata/zones", "../../shared/testdata/zones" })
            {
                string candidate = Path.GetFullPath(Path.Combine(directory.FullName, relative));
                if (File.Exists(Path.Combine(candidate, "MANIFEST.tsv"))) return candidate;
            }
            return null;
        }
        return null;
    }

    [GeneratedRegex(@"-c (CLASS\d+)")]
    private static partial Regex CompileClass();
}
