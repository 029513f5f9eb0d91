namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>A fact that needs BIND's named-compilezone / named-checkzone; skipped, saying so, when absent.</summary>
public sealed class BindFactAttribute : FactAttribute
{
    public BindFactAttribute()
    {
        if (ZoneFileTesting.NamedCompilezone is null || ZoneFileTesting.NamedCheckzone is null)
            Skip = "BIND 9 (named-compilezone, named-checkzone) is not installed; apt-get install bind9-utils";
    }
}

/// <summary>A theory that needs BIND's named-compilezone; skipped, saying so, when absent.</summary>
public sealed class BindTheoryAttribute : TheoryAttribute
{
    public BindTheoryAttribute()
    {
        if (ZoneFileTesting.NamedCompilezone is null)
            Skip = "BIND 9 (named-compilezone) is not installed; apt-get install bind9-utils";
    }
}

/// <summary>A fact that needs Knot's knotc; skipped, saying so, when absent.</summary>
public sealed class KnotFactAttribute : FactAttribute
{
    public KnotFactAttribute()
    {
        if (ZoneFileTesting.Knotc is null) Skip = "Knot DNS (knotc) is not installed; apt-get install knot";
    }
}

/// <summary>A theory over the shared zone corpus; skipped, saying so, when the corpus is not beside the repository.</summary>
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (SharedCorpusTests.CorpusDirectory is null)
            Skip = "shared zone corpus not found (expected ../shared/testdata/zones beside the repository)";
    }
}
