using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;
using static Meridian.Dns.Tests.Wire.WirePackets;

namespace Meridian.Dns.Tests.Wire;

public class DnsMessageReaderTests
{
    [Fact]
    public void Reader_reads_every_section_of_a_typical_response()
    {
        var packet = TypicalResponse();
        var result = ReadAll(packet);
        Assert.Equal(WireError.None, result.Error);
        Assert.True(result.IsComplete);
        Assert.Equal(0, result.RemainingOctets);
        Assert.Equal(0xBEEF, result.Header.Id);
        Assert.True(result.Header.IsResponse);
        Assert.True(result.Header.IsAuthoritative);

        var question = Assert.Single(result.Questions);
        Assert.Equal(Name("www.example.com."), question.Name);
        Assert.Equal(DnsType.A, question.Type);

        Assert.Equal(
            [DnsSection.Answer, DnsSection.Answer, DnsSection.Authority, DnsSection.Additional, DnsSection.Additional],
            result.Records.Select(r => r.Section));
        Assert.Equal(Name("www.example.com."), result.Records[1].Name);
        Assert.Equal(new byte[] { 192, 0, 2, 2 }, result.Records[1].Data);
        Assert.Equal(300u, result.Records[1].Ttl);
        Assert.Equal(Name("example.com."), result.Records[2].Name);
        Assert.Equal(Name("ns1.example.com."), result.Records[3].Name);
        Assert.Equal(DnsType.OPT, result.Records[4].Type);
        Assert.Equal(1232, result.Records[4].Class);
    }

    [Fact]
    public void Reader_reports_a_short_header()
    {
        var result = ReadAll(new byte[11]);
        Assert.Equal(WireError.ShortHeader, result.Error);
        Assert.Equal(default, result.Header);
    }

    [Fact]
    public void Reader_reports_counts_larger_than_the_data()
    {
        var packet = Concat(Header(qd: 1, an: 3), Question("example.com."), Record(Name("example.com."), DnsType.A, [1, 2, 3, 4]));
        var result = ReadAll(packet);
        Assert.Equal(WireError.Truncated, result.Error);
        Assert.Single(result.Records);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Reader_reports_rdlength_past_the_end()
    {
        var record = Record(Name("example.com."), DnsType.A, [1, 2, 3, 4]);
        var packet = Concat(Header(an: 1), record[..^1]);
        Assert.Equal(WireError.Truncated, ReadAll(packet).Error);
    }

    [Fact]
    public void Reader_error_is_sticky()
    {
        var packet = Concat(Header(qd: 2), Concat([0x40], new byte[4]), Question("example.com."));
        Span<byte> name = stackalloc byte[255];
        var reader = new DnsMessageReader(packet, name);
        Assert.False(reader.TryReadQuestion(out _));
        int position = reader.Position;
        Assert.Equal(WireError.BadLabelType, reader.Error);
        Assert.False(reader.TryReadQuestion(out _));
        Assert.False(reader.TryReadRecord(out _));
        Assert.False(reader.TrySkipQuestion());
        Assert.Equal(WireError.BadLabelType, reader.Error);
        Assert.Equal(position, reader.Position);
    }

    [Fact]
    public void Reader_skips_unread_questions_when_records_are_asked_for()
    {
        var packet = Concat(Header(qd: 2, an: 1), Question("a.example."), Question("b.example."),
            Record(Name("a.example."), DnsType.A, [1, 2, 3, 4]));
        Span<byte> name = stackalloc byte[255];
        var reader = new DnsMessageReader(packet, name);
        Assert.True(reader.TryReadRecord(out var record));
        Assert.Equal(DnsSection.Answer, record.Section);
        Assert.Equal(Name("a.example."), record.Name.ToArray());
        Assert.False(reader.TryReadRecord(out _));
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void Reader_lowercases_names_when_asked()
    {
        var packet = Concat(Header(qd: 1), Question("WWW.Example.COM."));
        Span<byte> name = stackalloc byte[255];
        var reader = new DnsMessageReader(packet, name, lowercaseNames: true);
        Assert.True(reader.TryReadQuestion(out var question));
        Assert.Equal(Name("www.example.com."), question.Name.ToArray());
        Assert.Equal("www.example.com.", question.GetName().ToString());
    }

    [Fact]
    public void Reader_reports_trailing_octets_without_calling_them_an_error()
    {
        var packet = Concat(Header(qd: 1), Question("example.com."), [0, 0]);
        var result = ReadAll(packet);
        Assert.Equal(WireError.None, result.Error);
        Assert.True(result.IsComplete);
        Assert.Equal(2, result.RemainingOctets);
    }

    [Fact]
    public void Reader_gives_record_fields_without_touching_the_name_buffer()
    {
        var packet = Concat(Header(qd: 1, an: 1), Question("q.example."), Record(Name("owner.example."), DnsType.TXT, [1, (byte)'x']));
        Span<byte> name = stackalloc byte[255];
        var reader = new DnsMessageReader(packet, name);
        Assert.True(reader.TryReadQuestion(out var question));
        Assert.True(reader.TryReadRecordWithoutName(out var record));
        Assert.True(record.Name.IsEmpty);
        Assert.Equal(DnsType.TXT, record.Type);
        Assert.Equal(new byte[] { 1, (byte)'x' }, record.Data.ToArray());
        Assert.Equal(Name("q.example."), question.Name.ToArray());
    }

    [Theory]
    [InlineData(DnsSection.Answer, WireError.OptNotInAdditional)]
    [InlineData(DnsSection.Authority, WireError.OptNotInAdditional)]
    public void Reader_rejects_OPT_outside_the_additional_section(DnsSection section, WireError expected)
    {
        var packet = section == DnsSection.Answer
            ? Concat(Header(an: 1), Opt([]))
            : Concat(Header(ns: 1), Opt([]));
        Assert.Equal(expected, ReadAll(packet).Error);
    }

    [Fact]
    public void Reader_rejects_a_second_OPT()
    {
        Assert.Equal(WireError.MultipleOpt, ReadAll(Concat(Header(ar: 2), Opt([]), Opt([]))).Error);
    }

    [Fact]
    public void Reader_rejects_OPT_not_owned_by_the_root()
    {
        var packet = Concat(Header(ar: 1), Record(Name("example."), DnsType.OPT, []));
        Assert.Equal(WireError.OptOwnerNotRoot, ReadAll(packet).Error);
    }

    [Theory]
    [InlineData("000800")]            // option header cut short
    [InlineData("00080005010203")]    // length 5, 3 octets present
    [InlineData("000a0000ff")]        // a valid empty option, then one stray octet
    public void Reader_rejects_OPT_options_that_overrun_the_rdata(string options)
    {
        var packet = Concat(Header(ar: 1), Opt(Hex(options)));
        Assert.Equal(WireError.BadOptOptions, ReadAll(packet).Error);
    }

    [Fact]
    public void Reader_reports_a_truncation_at_every_offset_of_a_valid_response_and_never_throws()
    {
        var packet = TypicalResponse();
        for (int length = 0; length < packet.Length; length++)
        {
            var result = ReadAll(packet.AsSpan(0, length));
            var expected = length < DnsHeader.Length ? WireError.ShortHeader : WireError.Truncated;
            Assert.True(expected == result.Error, $"length {length}: {result.Error}");
        }
    }

    [Fact]
    public void Reader_rejects_a_question_name_made_of_a_self_pointer()
    {
        var packet = Concat(Header(qd: 1), Pointer(12), U16(1), U16(1));
        Assert.Equal(WireError.BadPointer, ReadAll(packet).Error);
    }

    [Fact]
    public void Reader_reads_owner_names_compressed_against_the_question()
    {
        var packet = Concat(Header(qd: 1, an: 1), Question("Example.com."), Pointer(12), U16(1), U16(1), U32(60), U16(4), [10, 0, 0, 1]);
        var result = ReadAll(packet);
        Assert.Equal(WireError.None, result.Error);
        Assert.Equal(Name("Example.com."), result.Records[0].Name);
        Assert.True(DnsName.TryFromWire(result.Records[0].Name, out var owner));
        Assert.Equal(DnsName.Parse("example.com."), owner);
    }
}
