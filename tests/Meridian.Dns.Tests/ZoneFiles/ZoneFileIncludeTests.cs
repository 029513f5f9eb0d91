using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary><c>$INCLUDE</c>: off unless allowed; when allowed it follows BIND (paths against the working
/// directory, origin argument, owner inheritance, state restored after the included file).</summary>
public sealed class ZoneFileIncludeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-include-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void WriteFile(string relativePath, string text)
    {
        string path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Include_is_refused_unless_allowed()
    {
        WriteFile("sub.inc", "x A 192.0.2.9\n");
        var result = Read(Head + "$INCLUDE sub.inc\n", includeDirectory: _directory);
        Assert.Equal("test.zone:5:1: $INCLUDE not allowed", Assert.Single(result.Errors).ToString());
        Assert.DoesNotContain(result.Records, r => r.Owner == "x.example.");
    }

    [Fact]
    public void Relative_include_path_resolves_against_the_include_directory()
    {
        WriteFile("zones/inner.inc", "x A 192.0.2.9\n");
        var result = Read(Head + "$INCLUDE zones/inner.inc\n", allowInclude: true, includeDirectory: _directory);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Records, r => r.Owner == "x.example." && r.Data == "192.0.2.9");
    }

    [Fact]
    public void Path_inside_an_included_file_is_not_relative_to_that_file()
    {
        // BIND resolves every relative path against its working directory.
        WriteFile("zones/first.inc", "$INCLUDE zones/second.inc\n");
        WriteFile("zones/second.inc", "y A 192.0.2.8\n");
        var result = Read(Head + "$INCLUDE \"zones/first.inc\"\n", allowInclude: true, includeDirectory: _directory);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Records, r => r.Owner == "y.example.");
    }

    [Fact]
    public void Origin_argument_applies_inside_the_included_file_only()
    {
        WriteFile("sub.inc", "x A 192.0.2.9\n$ORIGIN deeper\nz A 192.0.2.7\n");
        var result = Read(Head + "$INCLUDE sub.inc sub\nafter A 192.0.2.6\n", allowInclude: true, includeDirectory: _directory);
        Assert.Empty(result.Errors);
        Assert.Equal(["x.sub.example.", "z.deeper.sub.example.", "after.example."], result.Records.Skip(3).Select(r => r.Owner));
    }

    [Fact]
    public void Included_file_starts_with_the_current_owner_and_the_includer_gets_its_own_back()
    {
        WriteFile("sub.inc", "\tTXT \"inherited\"\nother A 192.0.2.9\n");
        var result = Read(Head + "a A 192.0.2.5\n$INCLUDE sub.inc\n\tAAAA 2001:db8::5\n", allowInclude: true, includeDirectory: _directory);
        Assert.Empty(result.Errors);
        Assert.Equal("a.example.", result.Single("a.example.", Meridian.Dns.Records.DnsType.TXT).Owner);
        Assert.Contains(result.Records, r => r.Owner == "a.example." && r.Record.Type == Meridian.Dns.Records.DnsType.AAAA);
    }

    [Fact]
    public void Errors_in_an_included_file_name_that_file()
    {
        WriteFile("bad.inc", "\nx A 192.0.2\n");
        var result = Read(Head + "$INCLUDE bad.inc\n", allowInclude: true, includeDirectory: _directory);
        Assert.Equal("bad.inc:2:5: bad dotted quad", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Missing_include_file_is_an_error_at_the_directive()
    {
        var result = Read(Head + "$INCLUDE nowhere.inc\n", allowInclude: true, includeDirectory: _directory);
        Assert.Equal("test.zone:5:10: nowhere.inc: file not found", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Include_after_a_date_in_the_past_is_refused()
    {
        WriteFile("sub.inc", "x A 192.0.2.9\n");
        var result = Read(Head + "$DATE 20200101000000\n$INCLUDE sub.inc\n", allowInclude: true, includeDirectory: _directory);
        Assert.Equal("test.zone:6:1: $INCLUDE may not be used with $DATE", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Include_loop_stops_at_the_nesting_limit()
    {
        WriteFile("loop.inc", "$INCLUDE loop.inc\n");
        var result = Read(Head + "$INCLUDE loop.inc\n", allowInclude: true, includeDirectory: _directory);
        Assert.EndsWith("loop.inc: too many nested $INCLUDE files", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }
}
