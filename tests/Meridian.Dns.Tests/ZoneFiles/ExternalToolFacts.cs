namespace Meridian.Dns.Tests.ZoneFiles;

// The tools below are part of what the suite needs (./test.sh installs them): a test that needs one fails, naming
// it, when it is missing (ZoneFileTesting.Require), instead of being skipped where nobody looks.

/// <summary>A fact that needs BIND's named-compilezone / named-checkzone.</summary>
public sealed class BindFactAttribute : FactAttribute;

/// <summary>A theory that needs BIND's named-compilezone.</summary>
public sealed class BindTheoryAttribute : TheoryAttribute;

/// <summary>A fact that needs Knot's knotc.</summary>
public sealed class KnotFactAttribute : FactAttribute;

/// <summary>A theory over the shared zone corpus; skipped, saying so, when the corpus is not beside the repository
/// (genuinely optional: it is a sibling checkout, not something the suite can install; test.sh lists the skip).</summary>
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (SharedCorpusTests.CorpusDirectory is null)
            Skip = "shared zone corpus not found (expected ../shared/testdata/zones beside the repository)";
    }
}
