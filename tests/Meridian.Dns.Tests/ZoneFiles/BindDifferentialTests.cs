using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;
using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>Our zone check against named-compilezone on the zone files in Corpus/: the same records in the
/// same order and presentation (white space aside), or both refusing. Each file says in its first lines
/// what it needs: "; origin: NAME", optionally "; class: CLASS", "; include-dir: ." (includes allowed,
/// resolved against the corpus folder, which is also BIND's working directory) and "; broken: why"
/// (BIND must refuse it, so the corpus stays honest).</summary>
public class BindDifferentialTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "ZoneFiles", "Corpus");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(CorpusDirectory, "*.zone").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [BindTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Zone_check_matches_named_compilezone(string file)
    {
        var header = File.ReadLines(Path.Combine(CorpusDirectory, file)).TakeWhile(line => line.StartsWith(';')).ToList();
        string? Field(string name) => header.Select(line => line.TrimEnd('\r'))
            .FirstOrDefault(line => line.StartsWith($"; {name}:", StringComparison.Ordinal))?[(name.Length + 3)..].Trim();
        string origin = Field("origin") ?? throw new InvalidOperationException($"{file} has no '; origin:' line");
        string className = Field("class") ?? "IN";
        bool includes = Field("include-dir") is not null;
        bool broken = Field("broken") is not null;

        var bind = RunBind(NamedCompilezone!, CorpusDirectory, "-i", "none", "-k", "ignore", "-c", className, "-o", "-", origin, file);
        Assert.True(broken == (bind.Exit != 0), $"named-compilezone {(bind.Exit == 0 ? "accepted" : "refused")} {file}: {bind.Errors}");

        Assert.True(DnsTypeNames.TryParseClass(System.Text.Encoding.ASCII.GetBytes(className), out var dnsClass));
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = ZoneCheck.Run(new ZoneCheckOptions
        {
            FilePath = Path.Combine(CorpusDirectory, file),
            Origin = DnsName.Parse(origin),
            Class = dnsClass,
            AllowInclude = includes,
            IncludeDirectory = CorpusDirectory,
            ShowWarnings = false,
        }, output, errors);

        if (bind.Exit != 0)
        {
            Assert.True(exit != 0, $"BIND refused {file} ({bind.Errors.Trim()}) but we accepted it");
            return;
        }
        Assert.True(exit == 0, $"BIND accepted {file} but we refused it: {errors}");
        Assert.Equal(Unspaced(bind.Output), Unspaced(output.ToString()));
    }
}
