using System.Text;
using Meridian.Dns.Names;

namespace Meridian.Dns.Tests.Names;

public class DnsNameTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.com.");

    [Theory]
    [InlineData("www", "www.example.com.")]
    [InlineData("@", "example.com.")]
    [InlineData("a.b.", "a.b.")]
    [InlineData(".", ".")]
    [InlineData(@"a\.b", @"a\.b.example.com.")]
    [InlineData(@"\065bc", "Abc.example.com.")]
    [InlineData(@"sp\032ace", @"sp\032ace.example.com.")]
    [InlineData("_dmarc", "_dmarc.example.com.")]
    [InlineData("*", "*.example.com.")]
    public void Parse_reads_presentation_relative_to_origin(string text, string expected)
    {
        Assert.True(DnsName.TryParse(Encoding.Latin1.GetBytes(text), Origin, out var name, out var error), error);
        Assert.Equal(expected, name.ToString());
    }

    [Theory]
    [InlineData("", "empty name")]
    [InlineData("a..b.", "empty label")]
    [InlineData(".a.", "empty label")]
    [InlineData(@"a\", "bad escape at end of name")]
    [InlineData(@"a\25", "bad \\DDD escape")]
    [InlineData(@"a\256", "bad \\DDD escape")]
    public void Parse_rejects_malformed_names_with_a_reason(string text, string reason)
    {
        Assert.False(DnsName.TryParse(Encoding.Latin1.GetBytes(text), Origin, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Parse_enforces_label_and_name_length_limits()
    {
        string label63 = new('a', 63);
        Assert.True(DnsName.TryParse(Encoding.ASCII.GetBytes(label63 + "."), null, out _, out _));
        Assert.False(DnsName.TryParse(Encoding.ASCII.GetBytes(label63 + "a."), null, out _, out var error));
        Assert.Equal("label too long", error);

        // 4 labels of 63 octets take 4 * 64 + 1 = 257 octets: over the limit of 255.
        string tooLong = string.Join('.', Enumerable.Repeat(label63, 4)) + ".";
        Assert.False(DnsName.TryParse(Encoding.ASCII.GetBytes(tooLong), null, out _, out error));
        Assert.Equal("name too long", error);

        // 3 * 64 + 61 + 1 + 1 = 255 octets exactly.
        string longest = string.Join('.', Enumerable.Repeat(label63, 3)) + "." + new string('b', 61) + ".";
        Assert.True(DnsName.TryParse(Encoding.ASCII.GetBytes(longest), null, out var name, out _));
        Assert.Equal(255, name.WireLength);
    }

    [Fact]
    public void Relative_name_without_origin_is_refused()
    {
        Assert.False(DnsName.TryParse("www"u8, null, out _, out var error));
        Assert.Equal("relative name with no origin", error);
    }

    [Fact]
    public void Equality_ignores_case_but_presentation_keeps_it()
    {
        var upper = DnsName.Parse("WWW.Example.COM.");
        var lower = DnsName.Parse("www.example.com.");
        Assert.Equal(lower, upper);
        Assert.Equal(lower.GetHashCode(), upper.GetHashCode());
        Assert.Equal("WWW.Example.COM.", upper.ToString());
        Assert.Equal("www.example.com.", upper.ToLower().ToString());
    }

    [Fact]
    public void Canonical_order_follows_rfc4034_example()
    {
        // The example list of RFC 4034 §6.1, already in canonical order.
        string[] ordered =
        [
            "example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.", "zABC.a.EXAMPLE.",
            "z.example.", @"\001.z.example.", "*.z.example.", @"\200.z.example.",
        ];
        var names = ordered.Select(n => DnsName.Parse(n)).Reverse().ToList();
        names.Sort();
        Assert.Equal(ordered, names.Select(n => n.ToString()));
    }

    [Theory]
    [InlineData("www.example.com.", "example.com.", true)]
    [InlineData("example.com.", "example.com.", true)]
    [InlineData("wwwexample.com.", "example.com.", false)]
    [InlineData("com.", "example.com.", false)]
    [InlineData("anything.", ".", true)]
    public void IsSubdomainOf_respects_label_boundaries(string name, string zone, bool expected) =>
        Assert.Equal(expected, DnsName.Parse(name).IsSubdomainOf(DnsName.Parse(zone)));

    [Fact]
    public void Presentation_escapes_special_characters_as_bind_does()
    {
        var name = DnsName.Parse(@"\(\)\;\@\$\""\\\000\127x.example.");
        Assert.Equal(@"\(\)\;\@\$\""\\\000\127x.example.", name.ToString());
        Assert.Equal(@"\(\)\;\@\$\""\\\000\127x", name.ToString(DnsName.Parse("example.")));
    }

    [Fact]
    public void User_input_with_unicode_becomes_punycode_and_absolute()
    {
        Assert.True(DnsName.TryParseUserInput(" Bücher.Example ", out var name, out _));
        Assert.Equal("xn--bcher-kva.example.", name.ToString().ToLowerInvariant());
        Assert.True(DnsName.TryParseUserInput("mail.example.com", out name, out _));
        Assert.Equal("mail.example.com.", name.ToString());
    }

    [Fact]
    public void Wire_form_is_validated()
    {
        Assert.True(DnsName.TryFromWire([3, (byte)'w', (byte)'w', (byte)'w', 0], out var name));
        Assert.Equal("www.", name.ToString());
        Assert.False(DnsName.TryFromWire([3, (byte)'w', (byte)'w'], out _));
        Assert.False(DnsName.TryFromWire([64, .. new byte[64], 0], out _));
        Assert.False(DnsName.TryFromWire([0xC0, 0x0C], out _));
    }
}
