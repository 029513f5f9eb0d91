using System.Net;
using System.Text;
using Meridian.Dns.Rdata;
using Meridian.Dns.Rdata.Svcb;
using Meridian.Dns.Records;
using Meridian.Dns.Text;

namespace Meridian.Dns.Tests.RdataModern;

public class SvcbTests
{
    // Expected texts below were printed by named-compilezone 9.18.49 for the same input.
    [Theory]
    [InlineData("16 foo.example.org. (alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1)",
        "16 foo.example.org. mandatory=alpn,ipv4hint alpn=\"h2,h3-19\" ipv4hint=192.0.2.1")]
    [InlineData("1 . key65000 key1000 port=1 alpn=x mandatory=key1000,port",
        "1 . mandatory=port,key1000 alpn=\"x\" port=1 key1000 key65000")]
    [InlineData("7 . alpn=\"h2,h3\" dohpath=/{?dns}", "7 . alpn=\"h2,h3\" key7=\"/{?dns}\"")]
    [InlineData("16 foo.example.org. alpn=f\\\\\\092oo\\092,bar,h2", "16 foo.example.org. alpn=\"f\\\\\\\\oo\\\\,bar,h2\"")]
    [InlineData("0 foo alpn=h2 port=53", "0 foo.example. alpn=\"h2\" port=53")]
    public void Parameters_are_sorted_and_printed_like_bind(string rdata, string expected) =>
        Assert.Equal(expected, RdataHarness.RoundTrip("SVCB", rdata));

    [Theory]
    [InlineData("1 . port=80 port=81", "duplicate query")]
    [InlineData("1 . mandatory=alpn,port alpn=h2", "inconsistent resource record")]
    [InlineData("1 . mandatory=mandatory", "disallowed (by application policy)")]
    [InlineData("1 . no-default-alpn", "disallowed (by application policy)")]
    [InlineData("1 . alpn=\\,abc", "syntax error")]
    [InlineData("1 . ohttp", "syntax error")]
    [InlineData("1 . key7=abc", "FORMERR")]
    [InlineData("1 . \"alpn=h2\"", "unexpected token")]
    public void Bind_refusals_come_with_bind_messages(string rdata, string message)
    {
        Assert.False(RdataHarness.TryParse(DnsType.SVCB, rdata, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void A_value_in_a_separate_quoted_token_right_after_the_equals_sign_is_read()
    {
        // A lexer that ends a token at a quote hands over alpn="h2,h3" as "alpn=" and a quoted "h2,h3".
        byte[] source = Encoding.ASCII.GetBytes("1 . alpn=\"h2,h3\" port=5");
        TextToken[] tokens =
        [
            new(0, 1, false, 1, 1), new(2, 1, false, 1, 3), new(4, 5, false, 1, 5),
            new(10, 5, true, 1, 11), new(17, 6, false, 1, 18),
        ];
        Assert.Equal("1 . alpn=\"h2,h3\" port=5", Read(source, tokens));
    }

    [Fact]
    public void A_quoted_token_after_white_space_is_not_taken_as_the_value()
    {
        byte[] source = Encoding.ASCII.GetBytes("1 . key667= \"x\"");
        TextToken[] tokens = [new(0, 1, false, 1, 1), new(2, 1, false, 1, 3), new(4, 7, false, 1, 5), new(13, 1, true, 1, 14)];
        var reader = new RdataTextReader(source, tokens, RdataHarness.Origin);
        Assert.False(SvcbRdataFormat.Instance.TryParse(ref reader, new RdataBuilder(), out var error));
        Assert.Equal("unexpected token", error);
    }

    [Fact]
    public void SvcbData_exposes_priority_target_and_parameters()
    {
        byte[] wire = RdataHarness.Parse("HTTPS", "1 svc.example. alpn=h2,h3 port=8443 ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1 key9=x");
        Assert.True(SvcbData.TryRead(wire, out var data));
        Assert.Equal(1, data.Priority);
        Assert.False(data.IsAliasMode);
        Assert.Equal("svc.example.", data.Target.ToString());
        Assert.Equal([SvcParamKeys.Alpn, SvcParamKeys.Port, SvcParamKeys.Ipv4Hint, SvcParamKeys.Ipv6Hint, (ushort)9], data.Parameters.Select(p => p.Key));
        Assert.Equal((ushort)8443, data.Port);
        Assert.Equal(["h2", "h3"], data.AlpnIds.Select(id => Encoding.ASCII.GetString(id.Span)));
        Assert.Equal([IPAddress.Parse("192.0.2.1"), IPAddress.Parse("192.0.2.2")], data.IPv4Hints);
        Assert.Equal([IPAddress.Parse("2001:db8::1")], data.IPv6Hints);
        Assert.True(data.TryGetValue(9, out var value));
        Assert.Equal("x"u8.ToArray(), value.ToArray());
    }

    [Fact]
    public void SvcbData_reads_alias_mode_without_parameters()
    {
        Assert.True(SvcbData.TryRead(RdataHarness.Parse("SVCB", "0 pool.example.net."), out var data));
        Assert.True(data.IsAliasMode);
        Assert.Empty(data.Parameters);
        Assert.Null(data.Port);
        Assert.Empty(data.IPv4Hints);
    }

    [Theory]
    [InlineData("0001")] // no target
    [InlineData("0001 00 0003 0001 00")] // port value of one octet
    [InlineData("0001 00 0003 0002 0035 0001 0002 0168")] // keys out of order
    [InlineData("0001 00 0002 0000")] // no-default-alpn without alpn
    [InlineData("0001 00 0000 0002 0003")] // mandatory key missing
    [InlineData("0001 00 0003 0002 00")] // value cut short
    public void SvcbData_refuses_what_bind_refuses_on_the_wire(string hex) =>
        Assert.False(SvcbData.TryRead(RdataHarness.Hex(hex), out _));

    [Fact]
    public void No_default_alpn_that_mandatory_lists_last_prints_though_the_wire_rules_refuse_it()
    {
        // BIND's zone reader accepts this one shape its wire reader refuses; the zone dump prints it.
        byte[] wire = RdataHarness.Parse("SVCB", "1 . mandatory=no-default-alpn no-default-alpn");
        Assert.Equal("1 . mandatory=no-default-alpn no-default-alpn", RdataHarness.Format("SVCB", wire));
        Assert.False(SvcbData.TryRead(wire, out _));
    }

    [Fact]
    public void Key_names_print_like_bind()
    {
        Assert.Equal("ipv6hint", SvcParamKeys.ToName(SvcParamKeys.Ipv6Hint));
        Assert.Equal("key7", SvcParamKeys.ToName(SvcParamKeys.DohPath));
        Assert.Equal("key65535", SvcParamKeys.ToName(65535));
    }

    private static string Read(byte[] source, TextToken[] tokens)
    {
        var reader = new RdataTextReader(source, tokens, RdataHarness.Origin);
        var output = new RdataBuilder();
        Assert.True(SvcbRdataFormat.Instance.TryParse(ref reader, output, out var error), error);
        Assert.False(reader.HasMore);
        return RdataText.Format(DnsType.SVCB, output.Written);
    }
}
