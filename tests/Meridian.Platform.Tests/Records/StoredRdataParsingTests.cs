using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Platform.Records;

namespace Meridian.Platform.Tests.Records;

/// <summary>The start's shortcut for stored addresses and names must read every value exactly as the zone file parser
/// does: the same octets for what it accepts, and the parser's verdict for everything else.</summary>
public sealed class StoredRdataParsingTests
{
    [Theory]
    [InlineData("A", "192.0.2.1")]
    [InlineData("A", "0.0.0.0")]
    [InlineData("A", "255.255.255.255")]
    [InlineData("A", "10.0.0.10")]
    [InlineData("A", "01.2.3.4")]
    [InlineData("A", "256.1.1.1")]
    [InlineData("A", "1.2.3")]
    [InlineData("A", "1.2.3.4.5")]
    [InlineData("A", "1.2.3.4 ")]
    [InlineData("A", "1234.1.1.1")]
    [InlineData("AAAA", "2001:db8::1")]
    [InlineData("AAAA", "::")]
    [InlineData("AAAA", "::1")]
    [InlineData("AAAA", "2001:DB8:0:0:0:0:0:1")]
    [InlineData("AAAA", "2001:db8:0000:0000:0000:0000:0000:0001")]
    [InlineData("AAAA", "::ffff:192.0.2.1")]
    [InlineData("AAAA", "2001:db8::1::2")]
    [InlineData("AAAA", "12345::1")]
    [InlineData("AAAA", "2001:db8:1:2:3:4:5:6:7")]
    [InlineData("CNAME", "www.example.com.")]
    [InlineData("CNAME", "WWW.Example.COM.")]
    [InlineData("CNAME", "_sip._tcp.example.com.")]
    [InlineData("CNAME", "*.example.com.")]
    [InlineData("CNAME", "a\\.b.example.com.")]
    [InlineData("CNAME", "\\065.example.com.")]
    [InlineData("CNAME", "example..com.")]
    [InlineData("CNAME", "relative.example")]
    [InlineData("NS", "ns1.example.net.")]
    [InlineData("PTR", "host.example.org.")]
    [InlineData("MX", "10 mail.example.com.")]
    [InlineData("MX", "0 .")]
    [InlineData("MX", "65535 mx.example.com.")]
    [InlineData("MX", "65536 mx.example.com.")]
    [InlineData("MX", "010 mx.example.com.")]
    [InlineData("MX", "10  mx.example.com.")]
    [InlineData("MX", "-1 mx.example.com.")]
    [InlineData("TXT", "\"v=spf1 -all\"")]
    public void A_stored_value_reads_as_the_zone_file_parser_reads_it(string typeName, string text)
    {
        Assert.True(DnsTypeNames.TryParse(typeName, out var type));
        bool parsed = RdataParsing.TryParse(type, text, DnsName.Root, out var expected, out _);

        Assert.Equal(parsed, RdataParsing.TryParseStored(type, text, out var wire));
        if (parsed) Assert.Equal(expected, wire);
    }

    [Fact]
    public void A_label_longer_than_63_characters_is_left_to_the_parser_which_refuses_it()
    {
        string text = new string('a', 64) + ".example.";
        Assert.False(RdataParsing.TryParse(DnsType.CNAME, text, DnsName.Root, out _, out _));
        Assert.False(RdataParsing.TryParseStored(DnsType.CNAME, text, out _));
    }
}
