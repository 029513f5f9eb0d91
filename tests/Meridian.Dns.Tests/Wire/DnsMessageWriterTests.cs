using Meridian.Dns.Records;
using Meridian.Dns.Wire;
using static Meridian.Dns.Tests.Wire.WirePackets;

namespace Meridian.Dns.Tests.Wire;

public class DnsMessageWriterTests
{
    [Fact]
    public void Writer_compresses_owner_names_and_NS_rdata_in_a_typical_answer()
    {
        var packet = TypicalResponse();
        // header 12 + question 17+4; answers 2x(2+10+4); NS: 2+10+(4+2); glue 2+10+4; OPT 1+10+ECS(4+4+3).
        Assert.Equal(121, packet.Length);
        Assert.Equal(Pointer(12), packet[33..35]);             // answer owner -> question name
        Assert.Equal(Pointer(12), packet[49..51]);
        Assert.Equal(Pointer(16), packet[65..67]);             // example.com -> inside the question name
        Assert.Equal(Concat([3], "ns1"u8.ToArray(), Pointer(16)), packet[77..83]);
        Assert.Equal(Pointer(77), packet[83..85]);             // glue owner -> the name inside NS rdata
        Assert.Equal(Hex("0008000700011818c00002"), packet[110..121]);

        var result = ReadAll(packet);
        var ns = result.Records[2];
        var expanded = new byte[255];
        Assert.Equal(WireError.None, RdataDecompressor.Decompress(packet, ns.Type, ns.DataOffset, ns.Data.Length, expanded, out int written));
        Assert.Equal(Name("ns1.example.com."), expanded[..written]);
    }

    [Fact]
    public void Writer_compresses_names_ignoring_case()
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        Assert.True(writer.TryWriteQuestion(Name("www.example.com."), DnsType.A, DnsClass.IN));
        int before = writer.Length;
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("WWW.EXAMPLE.COM."), DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]));
        Assert.Equal(2 + 10 + 4, writer.Length - before);
    }

    [Theory]
    [InlineData(DnsType.MX, "000a", "mail.example.com.", "", 2 + 5 + 2)]
    [InlineData(DnsType.SOA, "", "ns1.example.com. hostmaster.example.com.", "0000000100000e1000000384000927c000000e10", (4 + 2) + (11 + 2) + 20)]
    [InlineData(DnsType.MINFO, "", "rm.example.com. em.example.com.", "", (3 + 2) + (3 + 2))]
    [InlineData(DnsType.CNAME, "", "example.com.", "", 2)]
    [InlineData(DnsType.PTR, "", "host.example.com.", "", 5 + 2)]
    [InlineData(DnsType.SRV, "000a00140035", "www.example.com.", "", 6 + 17)]   // RFC 2782: never compressed
    [InlineData(DnsType.AFSDB, "0001", "afs.example.com.", "", 2 + 17)]
    [InlineData(DnsType.RP, "", "rp.example.com. txt.example.com.", "", 16 + 17)]
    [InlineData(DnsType.DNAME, "", "example.com.", "", 13)]
    [InlineData(DnsType.NAPTR, "000a001401550000", "www.example.com.", "", 8 + 17)]
    public void Writer_compresses_rdata_names_only_for_the_RFC_1035_types(DnsType type, string prefixHex, string names, string suffixHex, int expectedRdLength)
    {
        var rdata = Concat(Hex(prefixHex), Concat(names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Name).ToArray()), Hex(suffixHex));
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        Assert.True(writer.TryWriteQuestion(Name("www.example.com."), DnsType.ANY, DnsClass.IN));
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("example.com."), type, DnsClass.IN, 60, rdata));
        var packet = writer.Written.ToArray();

        var record = Assert.Single(ReadAll(packet).Records);
        Assert.Equal(expectedRdLength, record.Data.Length);
        var expanded = new byte[1024];
        Assert.Equal(WireError.None, RdataDecompressor.Decompress(packet, record.Type, record.DataOffset, record.Data.Length, expanded, out int written));
        Assert.Equal(rdata, expanded[..written]);
    }

    [Fact]
    public void Writer_sends_rdata_whose_names_do_not_parse_as_given()
    {
        byte[] broken = [5, (byte)'a'];
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("example.com."), DnsType.NS, DnsClass.IN, 60, broken));
        Assert.Equal(broken, writer.Written[^2..].ToArray());
    }

    [Fact]
    public void Writer_refuses_a_record_that_does_not_fit_and_keeps_the_message_complete()
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer) { Limit = 60 };
        Assert.True(writer.TryWriteQuestion(Name("www.example.com."), DnsType.A, DnsClass.IN));
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("www.example.com."), DnsType.A, DnsClass.IN, 60, [1, 1, 1, 1]));
        Assert.Equal(49, writer.Length);
        Assert.False(writer.TryWriteRecord(DnsSection.Answer, Name("www.example.com."), DnsType.A, DnsClass.IN, 60, [2, 2, 2, 2]));
        Assert.Equal(49, writer.Length);
        writer.SetTruncated();

        var result = ReadAll(writer.Written);
        Assert.Equal(WireError.None, result.Error);
        Assert.True(result.IsComplete);
        Assert.True(result.Header.IsTruncated);
        Assert.Equal(1, result.Header.AnswerCount);
    }

    [Fact]
    public void Writer_rollback_drops_a_partial_rrset_and_the_names_it_introduced()
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        Assert.True(writer.TryWriteQuestion(Name("example.com."), DnsType.MX, DnsClass.IN));
        var mark = writer.Mark();
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("example.com."), DnsType.MX, DnsClass.IN, 60, Concat(U16(10), Name("mail.other.net."))));
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("example.com."), DnsType.MX, DnsClass.IN, 60, Concat(U16(20), Name("mx2.other.net."))));
        writer.Rollback(mark);
        Assert.Equal(mark.Position, writer.Length);
        Assert.Equal(0, writer.Header.AnswerCount);

        // A name that would have compressed against the dropped records must now be written in full.
        Assert.True(writer.TryWriteRecord(DnsSection.Authority, Name("mail.other.net."), DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]));
        Assert.Equal(mark.Position + 16 + 10 + 4, writer.Length);
        var result = ReadAll(writer.Written);
        Assert.Equal(WireError.None, result.Error);
        Assert.Equal(Name("mail.other.net."), Assert.Single(result.Records).Name);
    }

    [Fact]
    public void Writer_puts_extended_rcode_bits_in_OPT_whether_set_before_or_after_it()
    {
        Span<byte> name = stackalloc byte[255];
        foreach (bool setFirst in new[] { true, false })
        {
            var buffer = new byte[512];
            var writer = new DnsMessageWriter(buffer);
            writer.SetHeader(new DnsHeader { Id = 7, IsResponse = true });
            if (setFirst) writer.SetRcode(DnsRcode.BadVers);
            Assert.True(writer.TryWriteOpt(1232, dnssecOk: false));
            if (!setFirst) writer.SetRcode(DnsRcode.BadVers);

            var packet = writer.Written.ToArray();
            var reader = new DnsMessageReader(packet, name);
            Assert.Equal(DnsRcode.NoError, reader.Header.Rcode);
            Assert.True(reader.TryReadRecord(out var record));
            Assert.True(EdnsOpt.TryRead(record, out var opt));
            Assert.Equal(1, opt.ExtendedRcode);
            Assert.Equal(DnsRcode.BadVers, opt.CombineRcode(reader.Header.Rcode));
        }
    }

    [Fact]
    public void Writer_sets_small_rcodes_in_the_header_only()
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 1, IsResponse = true, RecursionDesired = true });
        writer.SetRcode(DnsRcode.NXDomain);
        Assert.Equal(DnsRcode.NXDomain, writer.Header.Rcode);
        Assert.True(writer.Header.RecursionDesired);
    }

    [Fact]
    public void Writer_throws_for_programming_errors_not_for_space()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new DnsMessageWriter(new byte[512]);
            writer.TryWriteRecord(DnsSection.Authority, Name("a."), DnsType.A, DnsClass.IN, 1, [1, 2, 3, 4]);
            writer.TryWriteRecord(DnsSection.Answer, Name("a."), DnsType.A, DnsClass.IN, 1, [1, 2, 3, 4]);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new DnsMessageWriter(new byte[512]);
            writer.TryWriteRecord(DnsSection.Answer, Name("a."), DnsType.A, DnsClass.IN, 1, [1, 2, 3, 4]);
            writer.TryWriteQuestion(Name("a."), DnsType.A, DnsClass.IN);
        });
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DnsMessageWriter(new byte[512]).TryWriteRecord(DnsSection.Question, Name("a."), DnsType.A, DnsClass.IN, 1, []));
        Assert.Throws<ArgumentException>(() =>
            new DnsMessageWriter(new byte[512]).TryWriteQuestion([0xC0, 0x0C], DnsType.A, DnsClass.IN));
        Assert.Throws<ArgumentException>(() => new DnsMessageWriter(new byte[11]));
    }

    [Fact]
    public void Writer_stays_correct_when_the_compression_table_fills_up()
    {
        var buffer = new byte[8192];
        var writer = new DnsMessageWriter(buffer);
        var owners = Enumerable.Range(0, 100).Select(i => Name($"host{i}.zone{i % 7}.example.")).ToArray();
        foreach (var owner in owners) Assert.True(writer.TryWriteRecord(DnsSection.Answer, owner, DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]));
        foreach (var owner in owners) Assert.True(writer.TryWriteRecord(DnsSection.Additional, owner, DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]));

        var result = ReadAll(writer.Written);
        Assert.Equal(WireError.None, result.Error);
        Assert.Equal(owners.Concat(owners), result.Records.Select(r => r.Name), ByteArrayComparer.Instance);
        // The second copy of the early owners compresses fully; the table has room for them.
        Assert.True(writer.Length < 2 * owners.Sum(o => o.Length + 14));
    }

    [Fact]
    public void Writer_never_points_past_offset_16383()
    {
        var buffer = new byte[65535];
        var writer = new DnsMessageWriter(buffer);
        var filler = Concat(Enumerable.Repeat(Concat([255], new byte[255]), 4).ToArray());
        int i = 0;
        while (writer.Length < 0x4000 + 200)
            Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name($"f{i++}.example."), DnsType.TXT, DnsClass.IN, 60, filler));
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("late.name.test."), DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]));
        int before = writer.Length;
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("late.name.test."), DnsType.A, DnsClass.IN, 60, [1, 2, 3, 4]));
        Assert.Equal(16 + 10 + 4, writer.Length - before);   // written in full: no pointer can reach it

        var result = ReadAll(writer.Written);
        Assert.Equal(WireError.None, result.Error);
        Assert.Equal(Name("late.name.test."), result.Records[^1].Name);
    }

    [Fact]
    public void ForResponseTo_keeps_id_opcode_RD_and_CD_and_sets_QR()
    {
        var query = new DnsHeader { Id = 0x4242, Opcode = DnsOpcode.Notify, RecursionDesired = true, CheckingDisabled = true, AuthenticData = true, QuestionCount = 1 };
        var response = DnsHeader.ForResponseTo(query);
        Assert.Equal(0x4242, response.Id);
        Assert.Equal(DnsOpcode.Notify, response.Opcode);
        Assert.True(response.IsResponse);
        Assert.True(response.RecursionDesired);
        Assert.True(response.CheckingDisabled);
        Assert.False(response.AuthenticData);
        Assert.Equal(0, response.QuestionCount);
    }

    [Theory]
    [InlineData(nameof(DnsHeader.IsResponse), 0x8000)]
    [InlineData(nameof(DnsHeader.IsAuthoritative), 0x0400)]
    [InlineData(nameof(DnsHeader.IsTruncated), 0x0200)]
    [InlineData(nameof(DnsHeader.RecursionDesired), 0x0100)]
    [InlineData(nameof(DnsHeader.RecursionAvailable), 0x0080)]
    [InlineData(nameof(DnsHeader.Z), 0x0040)]
    [InlineData(nameof(DnsHeader.AuthenticData), 0x0020)]
    [InlineData(nameof(DnsHeader.CheckingDisabled), 0x0010)]
    public void Header_flag_properties_map_to_the_RFC_1035_bits(string property, int bit)
    {
        object header = new DnsHeader();
        typeof(DnsHeader).GetProperty(property)!.SetValue(header, true);
        Assert.Equal(bit, ((DnsHeader)header).Flags);
        typeof(DnsHeader).GetProperty(property)!.SetValue(header, false);
        Assert.Equal(0, ((DnsHeader)header).Flags);
    }

    [Fact]
    public void Header_opcode_and_rcode_occupy_their_own_bits()
    {
        var header = new DnsHeader { Opcode = DnsOpcode.Update, Rcode = DnsRcode.Refused };
        Assert.Equal((5 << 11) | 5, header.Flags);
        header.Rcode = DnsRcode.BadVers;   // only 4 bits fit in the header
        Assert.Equal(DnsRcode.NoError, header.Rcode);
        Assert.Equal(DnsOpcode.Update, header.Opcode);
    }
}

internal sealed class ByteArrayComparer : IEqualityComparer<byte[]>
{
    public static ByteArrayComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => obj.Length;
}
