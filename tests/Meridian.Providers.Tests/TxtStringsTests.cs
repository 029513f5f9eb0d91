namespace Meridian.Providers.Tests;

public sealed class TxtStringsTests
{
    [Fact]
    public void Split_cuts_at_255_octets_and_never_inside_a_character()
    {
        string value = new string('a', 254) + "é" + new string('b', 300);
        var parts = TxtStrings.Split(value);
        Assert.Equal(new string('a', 254), parts[0]);
        Assert.All(parts, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p) <= 255));
        Assert.Equal(value, string.Concat(parts));
    }

    [Fact]
    public void Quoted_and_unquoted_are_each_others_inverse()
    {
        string value = "v=DKIM1; k=rsa; p=" + new string('Q', 400) + "\"quote\" and \\ backslash";
        string quoted = TxtStrings.Quoted(value);
        Assert.StartsWith("\"v=DKIM1", quoted, StringComparison.Ordinal);
        Assert.Contains("\" \"", quoted, StringComparison.Ordinal);
        Assert.Equal(value, TxtStrings.Unquote(quoted));
        Assert.Equal("plain text", TxtStrings.Unquote("plain text"));
    }
}
