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
    public void The_debian_list_is_read_when_installed()
    {
        var list = PublicSuffixList.Load();
        if (!File.Exists(PublicSuffixList.DebianPath))
        {
            Assert.Equal(0, list.RuleCount);
            return;
        }
        Assert.True(list.RuleCount > 5000);
        Assert.True(list.IsPublicSuffix("co.uk"));
        Assert.True(list.IsPublicSuffix("github.io"));
        Assert.False(list.IsPublicSuffix("example.com"));
    }
}
