using System.Text;
using Meridian.Dns.Rdata;

namespace Meridian.Dns.Tests.RdataModern;

/// <summary>Wire data BIND refuses (named-compilezone rejects each as RFC 3597 \# data): truncated
/// fields, values out of range, bits that must be zero, trailing octets.</summary>
public class WireRejectionTests
{
    [Theory]
    [InlineData("LOC", "00121613899b0aa6709c7d60009896")]
    [InlineData("LOC", "000a1613899b0aa6709c7d60009896de")]
    [InlineData("LOC", "00121613ffffffff8000000000000000")]
    [InlineData("APL", "000118")]
    [InlineData("APL", "0001200500")]
    [InlineData("APL", "00012100")]
    [InlineData("IPSECKEY", "0a0002")]
    [InlineData("IPSECKEY", "0a0102c00002")]
    [InlineData("IPSECKEY", "0a040201ff")]
    [InlineData("HIP", "01020001")]
    [InlineData("HIP", "00020001ab01")]
    [InlineData("HIP", "01020001ab0101")]
    [InlineData("A6", "40")]
    [InlineData("A6", "01ffffffffffffffffffffffffffffffff")]
    [InlineData("A6", "40ffffffffffffffff03")]
    [InlineData("AMTRELAY", "00")]
    [InlineData("AMTRELAY", "0001c00002")]
    [InlineData("AMTRELAY", "000100")]
    [InlineData("ATMA", "00")]
    [InlineData("ATMA", "01313a")]
    [InlineData("NID", "000a00144fffff20ee")]
    [InlineData("L64", "000a00144fffff20ee6400")]
    [InlineData("L32", "000ac00002")]
    [InlineData("LP", "000a01")]
    [InlineData("EUI48", "0102030405")]
    [InlineData("EUI64", "010203040506070809")]
    [InlineData("TALINK", "00")]
    [InlineData("TALINK", "000000")]
    [InlineData("DOA", "000000000000000102")]
    [InlineData("DOA", "00000000000000010205ab")]
    [InlineData("AVC", "")]
    [InlineData("RESINFO", "0200")]
    [InlineData("WALLET", "0261")]
    [InlineData("DSYNC", "003b010035")]
    [InlineData("DSYNC", "003b0100350100")]
    [InlineData("HHIT", "")]
    [InlineData("BRID", "")]
    [InlineData("SVCB", "0001")]
    [InlineData("HTTPS", "0001000003")]
    public void Invalid_wire_data_is_refused_and_printed_in_the_generic_form(string type, string hex)
    {
        byte[] rdata = Convert.FromHexString(hex);
        var format = RdataFormats.Find(RdataHarness.Type(type))!;
        Assert.False(format.TryFormat(rdata, new StringBuilder()));
        Assert.StartsWith(@"\# ", RdataHarness.Format(type, rdata), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AMTRELAY", "0004", @"\# 2 0004")]
    [InlineData("APL", "0003200101", @"\# 5 0003200101")]
    [InlineData("LOC", "010000", @"\# 3 010000")]
    [InlineData("ATMA", "0231", @"\# 2 0231")]
    public void Valid_data_without_a_text_form_prints_generic_as_bind_does(string type, string hex, string expected) =>
        Assert.Equal(expected, RdataHarness.TryFormat(type, Convert.FromHexString(hex)));
}
