using System.Text;
using Meridian.Dns.Rdata;
using Meridian.Dns.Rdata.Fields;
using Meridian.Dns.Records;

namespace Meridian.Dns.Tests.Rdata;

/// <summary>Exact wire octets for presentation text, where an RFC or the wire layout fixes them.</summary>
public class ClassicWireFormTests
{
    [Theory]
    [InlineData(DnsType.MX, "10 mail", "000A 046D61696C 076578616D706C65 00")]
    [InlineData(DnsType.SRV, "1 2 3 .", "0001 0002 0003 00")]
    [InlineData(DnsType.TXT, "\"a\\\"b\" \\065\\\\ \"\"", "03 612262 02 415C 00")]
    [InlineData(DnsType.HINFO, "\"PC\" Linux", "02 5043 05 4C696E7578")]
    [InlineData(DnsType.CAA, "128 issue \"ca;x\"", "80 05 6973737565 63613B78")]
    [InlineData(DnsType.URI, "10 1 \"ftp:\"", "000A 0001 6674703A")]
    [InlineData(DnsType.DS, "60485 RSASHA1 SHA-1 2BB183AF5F22588179A53B0A98631FAD1A292118", "EC45 05 01 2BB183AF5F22588179A53B0A98631FAD1A292118")]
    [InlineData(DnsType.KEY, "NOKEY 3 1", "C000 03 01")]
    [InlineData(DnsType.DNSKEY, "256 3 8 AQID", "0100 03 08 010203")]
    [InlineData(DnsType.WKS, "10.0.0.1 tcp smtp", "0A000001 06 00000040")]
    [InlineData(DnsType.NSAP, "0x47.0005.80", "47000580")]
    [InlineData(DnsType.NSEC3PARAM, "1 0 10 -", "01 00 000A 00")]
    [InlineData(DnsType.CSYNC, "66 3 A NS AAAA", "00000042 0003 0004 6000000 8")]
    [InlineData(DnsType.SINK, "1 0 0", "01 00 00")]
    [InlineData(DnsType.NXT, "a. A NS 127", "0161 00 6000000000000000000000000000000 1")]
    [InlineData(DnsType.SOA, "ns h 1 1h 1d 1w 1m", "026E73076578616D706C6500 0168076578616D706C6500 00000001 00000E10 00015180 00093A80 0000003C")]
    public void Text_becomes_these_octets(DnsType type, string text, string hex)
    {
        Assert.Equal(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), RdataLine.Parse(type, text));
    }

    [Fact]
    public void Nsec_type_bitmap_matches_the_RFC_4034_example()
    {
        // RFC 4034 §4.3: "host.example.com. A MX RRSIG NSEC TYPE1234".
        byte[] wire = RdataLine.Parse(DnsType.NSEC, "host.example.com. A MX RRSIG NSEC TYPE1234");
        byte[] bitmap = wire[18..];
        var expected = new byte[] { 0x00, 0x06, 0x40, 0x01, 0x00, 0x00, 0x00, 0x03, 0x04, 0x1B }
            .Concat(new byte[26]).Concat(new byte[] { 0x20 }).ToArray();
        Assert.Equal(expected, bitmap);
    }

    [Fact]
    public void Nsec3_matches_the_RFC_5155_example_layout()
    {
        byte[] wire = RdataLine.Parse(DnsType.NSEC3, "1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr MX DNSKEY NS SOA NSEC3PARAM RRSIG");
        var expectedStart = Convert.FromHexString("0101000C04AABBCCDD14" + "174EB2409FE28BCB4887A1836F957F0A8425E27B");
        Assert.Equal(expectedStart, wire[..expectedStart.Length]);
        Assert.Equal("1 1 12 AABBCCDD 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR NS SOA MX RRSIG DNSKEY NSEC3PARAM",
            RdataLine.Format(DnsType.NSEC3, wire));
    }

    [Fact]
    public void Rrsig_times_are_32_bit_seconds()
    {
        byte[] wire = RdataLine.Parse(DnsType.RRSIG, "A 8 2 300 20240101000000 1701388800 12345 example. AQ==");
        Assert.Equal(Convert.FromHexString("65920080"), wire[8..12]); // 2024-01-01T00:00:00Z = 1704067200
        Assert.Equal(Convert.FromHexString("65692200"), wire[12..16]);
    }

    [Fact]
    public void Unknown_and_meta_types_print_as_BIND_prints_them()
    {
        // RRSIG and NSEC say TYPEnnn; SIG and NXT print a bare number for a type without a mnemonic.
        Assert.StartsWith("TYPE65000 ", RdataLine.RoundTrip(DnsType.RRSIG, "65000 8 0 1 1 1 1 . AA=="), StringComparison.Ordinal);
        Assert.StartsWith("65000 ", RdataLine.RoundTrip(DnsType.SIG, "TYPE65000 8 0 1 20000101000000 20000101000000 1 . AA=="), StringComparison.Ordinal);
        Assert.Equal(". A 54 UINFO", RdataLine.RoundTrip(DnsType.NXT, ". TYPE1 TYPE54 100"));
        Assert.Equal(". NULL TYPE1234", RdataLine.RoundTrip(DnsType.NSEC, ". null type1234"));
    }

    [Fact]
    public void Types_BIND_knows_only_generically_have_no_format()
    {
        foreach (var type in new[] { DnsType.NULL, DnsType.UINFO, DnsType.UID, DnsType.GID, DnsType.UNSPEC })
        {
            Assert.Null(RdataFormats.Find(type));
            Assert.True(RdataLine.TryParse(type, @"\# 2 ABCD", out var wire, out _));
            Assert.Equal(@"\# 2 ABCD", RdataText.Format(type, wire));
        }
    }

    [Fact]
    public void Parse_stops_where_the_type_ends_so_the_caller_can_report_extra_text()
    {
        var (source, tokens) = RdataLine.Tokenize("AQIDBA== AQ==");
        var reader = new Meridian.Dns.Text.RdataTextReader(source, tokens, RdataLine.Origin);
        Assert.True(new FieldSequenceFormat(Base64Field.Required).TryParse(ref reader, new RdataBuilder(), out _));
        Assert.Equal(1, reader.Remaining);
    }

    [Fact]
    public void Truncated_data_of_every_classic_type_is_refused_not_thrown()
    {
        foreach (var (type, text) in new (DnsType, string)[]
        {
            (DnsType.SOA, "a b 1 2 3 4 5"), (DnsType.NAPTR, "1 1 \"u\" \"E2U\" \"!a!b!\" x"), (DnsType.RRSIG, "A 8 2 3 4 5 6 example. AQID"),
            (DnsType.NSEC3, "1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr A"), (DnsType.CAA, "0 issue \"x\""),
            (DnsType.CERT, "PKIX 1 1 AA=="), (DnsType.ZONEMD, "1 1 9 000102030405060708090a0b"),
        })
        {
            byte[] wire = RdataLine.Parse(type, text);
            var format = RdataFormats.Find(type)!;
            for (int length = 0; length < wire.Length; length++)
            {
                bool accepted = format.TryFormat(wire.AsSpan(0, length), new StringBuilder());
                // Only the types whose last field may be cut short anywhere keep valid prefixes.
                if (accepted) Assert.Contains(type, new[] { DnsType.CAA, DnsType.NSEC3, DnsType.ZONEMD, DnsType.RRSIG, DnsType.CERT });
            }
        }
    }
}
