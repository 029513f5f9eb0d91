using Meridian.Platform.Naming;

namespace Meridian.Platform.Tests.Naming;

public sealed class PublicSuffixListTests
{
    private static readonly PublicSuffixList s_rules = PublicSuffixList.Parse(
    [
        "// comment", "com", "uk", "co.uk", "*.ck", "!www.ck", "jp", "*.kawasaki.jp", "!city.kawasaki.jp", "公司.cn", "cn",
    ]);

    [Theory]
    [InlineData("com", true)]
    [InlineData("co.uk.", true)]
    [InlineData("example.co.uk", false)]
    [InlineData("anything.ck", true)]
    [InlineData("www.ck", false)]
    [InlineData("foo.kawasaki.jp", true)]
    [InlineData("city.kawasaki.jp", false)]
    [InlineData("xn--55qx5d.cn", true)]
    [InlineData("unlisted", true)]
    [InlineData("example.unlisted", false)]
    public void IsPublicSuffix_follows_the_rules_wildcards_and_exceptions(string name, bool expected) =>
        Assert.Equal(expected, s_rules.IsPublicSuffix(name));

    [Theory]
    [InlineData("www.example.co.uk.", "example.co.uk")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("x.y.foo.ck", "y.foo.ck")]
    [InlineData("x.www.ck", "www.ck")]
    [InlineData("co.uk", null)]
    public void RegistrableDomain_is_the_suffix_plus_one_label(string name, string? expected) =>
        Assert.Equal(expected, s_rules.RegistrableDomain(name));

    [Fact]
    public void A_missing_or_empty_list_is_an_error_not_the_default_rule()
    {
        string missing = Path.Combine(Path.GetTempPath(), "meridian-no-psl-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<FileNotFoundException>(() => PublicSuffixList.Load(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        File.WriteAllText(missing, "// only a comment\n");
        try
        {
            Assert.Throws<InvalidDataException>(() => PublicSuffixList.Load(missing));
        }
        finally
        {
            File.Delete(missing);
        }
    }

    [Fact]
    public void The_debian_list_is_read_when_installed()
    {
        // test.sh installs Debian's publicsuffix package: the list must be there.
        var list = PublicSuffixList.Load();
        Assert.True(list.RuleCount > 5000);
        Assert.True(list.IsPublicSuffix("co.uk"));
        Assert.True(list.IsPublicSuffix("github.io"));
        Assert.False(list.IsPublicSuffix("example.com"));
    }
}
