using System.Net;
using Meridian.Dns.Wire;
using static Meridian.Dns.Tests.Wire.WirePackets;

namespace Meridian.Dns.Tests.Wire;

public class EdnsTests
{
    [Theory]
    [InlineData("00011800c00002", 1, 24, "192.0.2.0")]
    [InlineData("00011700c63364", 1, 23, "198.51.100.0")]
    [InlineData("0001200cc0000201", 1, 32, "192.0.2.1")]
    [InlineData("00010000", 1, 0, "0.0.0.0")]
    [InlineData("0002300020010db81234", 2, 48, "2001:db8:1234::")]
    [InlineData("00023800200109000000ff", 2, 56, "2001:900:0:ff00::")]
    public void ClientSubnet_reads_valid_options(string hex, int family, int source, string address)
    {
        Assert.True(EdnsClientSubnet.TryRead(Hex(hex), out var subnet));
        Assert.Equal(family, subnet.Family);
        Assert.Equal(source, subnet.SourcePrefixLength);
        Assert.Equal(IPAddress.Parse(address), subnet.ToIPAddress());
    }

    [Theory]
    [InlineData("000118")]                   // shorter than the fixed part
    [InlineData("00031800c00002")]           // unknown family
    [InlineData("00001800c00002")]           // family 0
    [InlineData("00012100c0000201ff")]       // source 33 > 32
    [InlineData("00028100" + "20010db8000000000000000000000000ff")]   // source 129 > 128
    [InlineData("00011821c00002")]           // scope 33 > 32
    [InlineData("00011800c0000200")]         // one address octet too many
    [InlineData("00011800c000")]             // one address octet too few
    [InlineData("00011700c00003")]           // /23 with the 24th bit set
    [InlineData("00010000c0")]               // /0 with an address octet
    [InlineData("00010100c0")]               // /1 with bit 2 set
    public void ClientSubnet_rejects_options_that_break_RFC_7871(string hex)
    {
        Assert.False(EdnsClientSubnet.TryRead(Hex(hex), out _));
    }

    [Fact]
    public void ClientSubnet_create_masks_bits_past_the_prefix_and_writes_the_option()
    {
        Assert.True(EdnsClientSubnet.TryCreate(IPAddress.Parse("198.51.100.77"), 23, 0, out var subnet));
        Assert.Equal("198.51.100.0/23/0", subnet.ToString());
        var option = new byte[subnet.OptionLength];
        Assert.True(subnet.TryWriteOption(option, out int written));
        Assert.Equal(11, written);
        Assert.Equal(Hex("0008000700011700c63364"), option);

        var echoed = subnet.WithScope(20);
        Assert.Equal(20, echoed.ScopePrefixLength);
        Assert.True(echoed.TryWriteOption(option, out _));
        Assert.True(EdnsClientSubnet.TryRead(option.AsSpan(4), out var back));
        Assert.Equal(echoed, back);
        Assert.Equal(128, EdnsClientSubnet.TryCreate(IPAddress.IPv6Loopback, 64, 0, out var v6) ? v6.WithScope(200).ScopePrefixLength : -1);
    }

    [Fact]
    public void ClientSubnet_create_refuses_prefixes_wider_than_the_family()
    {
        Assert.False(EdnsClientSubnet.TryCreate([192, 0, 2, 1], 33, 0, out _));
        Assert.False(EdnsClientSubnet.TryCreate([192, 0, 2], 8, 0, out _));
        Assert.False(default(EdnsClientSubnet).TryWriteOption(new byte[32], out _));
    }

    [Fact]
    public void OptionReader_walks_options_in_order()
    {
        var data = Concat(Option(10, Hex("0102030405060708")), Option(8, Hex("00011800c00002")), Option(12, []));
        var reader = new EdnsOptionReader(data);
        Assert.True(reader.TryReadNext(out var code, out var value));
        Assert.Equal(EdnsOptionCode.Cookie, code);
        Assert.Equal(8, value.Length);
        Assert.True(reader.TryReadNext(out code, out value));
        Assert.Equal(EdnsOptionCode.ClientSubnet, code);
        Assert.Equal(7, value.Length);
        Assert.True(reader.TryReadNext(out code, out value));
        Assert.Equal(EdnsOptionCode.Padding, code);
        Assert.True(value.IsEmpty);
        Assert.False(reader.TryReadNext(out _, out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void Opt_fields_round_trip_through_the_writer()
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        Assert.True(writer.TryWriteOpt(4096, dnssecOk: true, Option(10, Hex("0102030405060708")), version: 1));
        var packet = writer.Written.ToArray();
        Span<byte> name = stackalloc byte[255];
        var reader = new DnsMessageReader(packet, name);
        Assert.True(reader.TryReadRecord(out var record));
        Assert.True(EdnsOpt.TryRead(record, out var opt));
        Assert.Equal(4096, opt.UdpPayloadSize);
        Assert.Equal(1, opt.Version);
        Assert.True(opt.DnssecOk);
        Assert.Equal(EdnsOpt.DnssecOkFlag, opt.Flags);
        Assert.Equal(12, opt.Options.Length);
        Assert.Equal(23, DnsMessageWriter.OptRecordLength(12));
        Assert.Equal(23, packet.Length - 12);
    }
}
