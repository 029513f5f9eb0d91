using Meridian.Dns.Records;
using Meridian.Dns.Wire;
using static Meridian.Dns.Tests.Wire.WirePackets;

namespace Meridian.Dns.Tests.Wire;

public class RdataDecompressorTests
{
    // The question name "example.com." sits at offset 12 in every message below.
    private static byte[] MessageWithRdata(DnsType type, byte[] rdata, out int dataOffset)
    {
        var head = Concat(Header(qd: 1, an: 1), Question("example.com."), Pointer(12), U16((int)type), U16(1), U32(60), U16(rdata.Length));
        dataOffset = head.Length;
        return Concat(head, rdata);
    }

    private static (WireError Error, byte[] Rdata) Decompress(DnsType type, byte[] rdata, int outputSize = 512)
    {
        var message = MessageWithRdata(type, rdata, out int offset);
        var output = new byte[outputSize];
        var error = RdataDecompressor.Decompress(message, type, offset, rdata.Length, output, out int written);
        return (error, output[..written]);
    }

    private static byte[] WwwPointer => Concat([3], "www"u8.ToArray(), Pointer(12));

    [Theory]
    [InlineData(DnsType.NS)]
    [InlineData(DnsType.CNAME)]
    [InlineData(DnsType.PTR)]
    [InlineData(DnsType.DNAME)]
    public void Decompress_expands_single_name_rdata(DnsType type)
    {
        var (error, rdata) = Decompress(type, WwwPointer);
        Assert.Equal(WireError.None, error);
        Assert.Equal(Name("www.example.com."), rdata);
    }

    [Theory]
    [InlineData(DnsType.MX, "000a")]
    [InlineData(DnsType.AFSDB, "0001")]
    [InlineData(DnsType.RT, "0005")]
    [InlineData(DnsType.KX, "0005")]
    [InlineData(DnsType.SRV, "000a00140035")]
    [InlineData(DnsType.NAPTR, "000a0014" + "0155" + "07453255" + "2b736970" + "00")]
    [InlineData(DnsType.SIG, "000108020000012c5f5e10005f4c9b001234")]
    public void Decompress_expands_the_name_after_the_fixed_fields(DnsType type, string prefixHex)
    {
        var prefix = Hex(prefixHex);
        var (error, rdata) = Decompress(type, Concat(prefix, WwwPointer, type == DnsType.SIG ? [0xAB, 0xCD] : []));
        Assert.Equal(WireError.None, error);
        Assert.Equal(Concat(prefix, Name("www.example.com."), type == DnsType.SIG ? [0xAB, 0xCD] : []), rdata);
    }

    [Fact]
    public void Decompress_expands_both_SOA_names_and_keeps_the_numbers()
    {
        var numbers = Hex("0000000100000e1000000384000927c000000e10");
        var (error, rdata) = Decompress(DnsType.SOA, Concat(WwwPointer, Pointer(12), numbers));
        Assert.Equal(WireError.None, error);
        Assert.Equal(Concat(Name("www.example.com."), Name("example.com."), numbers), rdata);
    }

    [Fact]
    public void Decompress_copies_other_types_unchanged()
    {
        var raw = Concat([0x01, 0xC0, 0x0C]);
        var (error, rdata) = Decompress(DnsType.TXT, raw);
        Assert.Equal(WireError.None, error);
        Assert.Equal(raw, rdata);
    }

    [Theory]
    [InlineData(DnsType.MX, "000a03777777")]          // name runs past RDLENGTH
    [InlineData(DnsType.MX, "000a00ff")]              // octet left over after the name
    [InlineData(DnsType.SOA, "0000")]                 // two roots and no numbers
    [InlineData(DnsType.NAPTR, "000a001405")]         // a character-string running past the end
    [InlineData(DnsType.SRV, "000a")]                 // fixed fields cut short
    public void Decompress_rejects_rdata_that_does_not_fit_its_layout(DnsType type, string hex)
    {
        Assert.Equal(WireError.BadRdata, Decompress(type, Hex(hex)).Error);
    }

    [Fact]
    public void Decompress_rejects_a_pointer_forward_or_into_itself()
    {
        Assert.Equal(WireError.BadPointer, Decompress(DnsType.NS, Pointer(200)).Error);
        var message = MessageWithRdata(DnsType.NS, [0, 0], out int offset);
        message[offset] = (byte)(0xC0 | (offset >> 8));
        message[offset + 1] = (byte)offset;
        Assert.Equal(WireError.BadPointer, RdataDecompressor.Decompress(message, DnsType.NS, offset, 2, new byte[64], out _));
    }

    [Fact]
    public void Decompress_reports_a_small_output_buffer()
    {
        Assert.Equal(WireError.BufferTooSmall, Decompress(DnsType.NS, WwwPointer, outputSize: 10).Error);
        Assert.Equal(WireError.BufferTooSmall, Decompress(DnsType.TXT, new byte[20], outputSize: 10).Error);
    }

    [Fact]
    public void Decompress_reports_rdata_outside_the_message()
    {
        Assert.Equal(WireError.Truncated, RdataDecompressor.Decompress(new byte[20], DnsType.NS, 15, 10, new byte[64], out _));
    }

    [Fact]
    public void MayBeCompressed_lists_the_RFC_3597_types_and_not_others()
    {
        Assert.True(RdataDecompressor.MayBeCompressed(DnsType.MX));
        Assert.True(RdataDecompressor.MayBeCompressed(DnsType.NAPTR));
        Assert.False(RdataDecompressor.MayBeCompressed(DnsType.TXT));
        Assert.False(RdataDecompressor.MayBeCompressed(DnsType.HTTPS));
    }
}
